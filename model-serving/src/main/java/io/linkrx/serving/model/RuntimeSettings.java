package io.linkrx.serving.model;

/**
 * ONNX Runtime settings of the sidecar.
 *
 * @param device            {@code cuda} (with automatic, logged fallback to CPU) or {@code cpu}
 * @param cudaDeviceId      GPU ordinal for CUDA
 * @param intraOpThreads    threads inside one operator (0: ONNX Runtime's default)
 * @param interOpThreads    threads across operators (0: default)
 * @param optimizationLevel {@code all}, {@code extended}, {@code basic} or {@code none}
 * @param memoryArena       whether the CPU memory arena is enabled
 */
public record RuntimeSettings(String device, int cudaDeviceId, int intraOpThreads, int interOpThreads,
                              String optimizationLevel, boolean memoryArena) {

    public static RuntimeSettings defaults() {
        return new RuntimeSettings("cuda", 0, 0, 0, "all", true);
    }
}
