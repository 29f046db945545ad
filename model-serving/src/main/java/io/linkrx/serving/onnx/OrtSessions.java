package io.linkrx.serving.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import io.linkrx.serving.model.RuntimeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds ONNX Runtime sessions from the sidecar's {@link RuntimeSettings}: thread counts, graph optimisation level,
 * CPU memory arena, and the execution provider.
 *
 * <p>Device {@code cuda} (or {@code cuda:N}) asks for the CUDA execution provider; when it is not usable (the CPU
 * build of ONNX Runtime is on the classpath, the CUDA/cuDNN libraries or the GPU are missing, the provider fails to
 * initialise) the session is built on CPU and ONE warning line says why. The device the session really runs on is
 * returned with it ({@code cuda:0} or {@code cpu}). Only API present in both the {@code onnxruntime} and the
 * {@code onnxruntime_gpu} artifacts is used, so the {@code gpu} Maven profile only swaps the jar.
 */
public final class OrtSessions {
    private static final Logger LOG = LoggerFactory.getLogger(OrtSessions.class);

    /** The device string of a CPU session. */
    public static final String CPU = "cpu";

    private OrtSessions() {}

    /** A session and the device it runs on ({@code cpu} or {@code cuda:N}). */
    public record Opened(OrtSession session, String device) {}

    private static volatile OrtEnvironment environment;

    /**
     * The process-wide ONNX Runtime environment (one per JVM; ONNX Runtime's own log level: warnings). Use this
     * rather than {@code OrtEnvironment.getEnvironment()}: the first call loads the native library, and ONNX Runtime
     * 1.29's native initialisation recurses deeper the longer the JVM's command line is; with a long
     * {@code -cp} (about 4 KB and more) it overflows the 1 MB default thread stack and the JVM dies with SIGSEGV,
     * without an hs_err file. So the first call runs on a thread with a stack sized to the command line.
     */
    public static OrtEnvironment environment() {
        OrtEnvironment e = environment;
        if (e != null) {
            return e;
        }
        synchronized (OrtSessions.class) {
            if (environment == null) {
                environment = initialise();
            }
            return environment;
        }
    }

    /**
     * The execution providers compiled into the ONNX Runtime build on the classpath (e.g. {@code [CPU]} or
     * {@code [CPU, CUDA]}); initialises ONNX Runtime safely first (see {@link #environment()}).
     */
    public static java.util.EnumSet<OrtProvider> availableProviders() {
        environment();
        return OrtEnvironment.getAvailableProviders();
    }

    /** The ONNX Runtime version, e.g. {@code 1.29.0}. */
    public static String version() {
        return environment().getVersion();
    }

    private static OrtEnvironment initialise() {
        long cmdline = commandLineBytes();
        // measured: 4 KB of command line needs 1-4 MB of stack, 20 KB 4-16 MB
        long stack = Math.min(1L << 30, Math.max(64L << 20, cmdline * 2048));
        AtomicReference<Object> result = new AtomicReference<>();
        Thread init = new Thread(null, () -> {
            try {
                result.set(OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "linkrx-serving"));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "onnxruntime-init", stack);
        init.setDaemon(true);
        init.start();
        boolean interrupted = false;
        while (true) {
            try {
                init.join();
                break;
            } catch (InterruptedException ie) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Object r = result.get();
        if (r instanceof OrtEnvironment env) {
            LOG.info("ONNX Runtime {} loaded; execution providers in this build: {}", env.getVersion(),
                    OrtEnvironment.getAvailableProviders());
            return env;
        }
        if (r instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException("ONNX Runtime could not be initialised: " + r, (Throwable) r);
    }

    /** Length of /proc/self/cmdline (Linux), 0 elsewhere. */
    private static long commandLineBytes() {
        try {
            Path p = Path.of("/proc/self/cmdline");
            return Files.isReadable(p) ? Files.readAllBytes(p).length : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Opens {@code modelFile} with {@code settings}.
     *
     * @param label names the model in log lines and error messages, e.g. {@code encoder/1}
     * @throws NoSuchFileException when the file does not exist
     * @throws IOException         when ONNX Runtime cannot load the model (the message says why)
     */
    public static Opened open(Path modelFile, RuntimeSettings settings, String label) throws IOException {
        if (!Files.isRegularFile(modelFile)) {
            throw new NoSuchFileException(modelFile.toString(), null,
                    "model " + label + ": ONNX model file not found");
        }
        RuntimeSettings s = settings == null ? RuntimeSettings.defaults() : settings;
        Device device = Device.parse(s.device(), s.cudaDeviceId());
        OrtEnvironment env = environment();
        String path = modelFile.toAbsolutePath().toString();

        if (device.cuda()) {
            String why;
            if (!availableProviders().contains(OrtProvider.CUDA)) {
                why = "this ONNX Runtime build has no CUDA execution provider (the CPU artifact is on the classpath;"
                        + " build with -Pgpu for onnxruntime_gpu)";
            } else {
                OrtSession.SessionOptions options = null;
                try {
                    options = baseOptions(s);
                    options.addCUDA(device.ordinal());
                    OrtSession session = env.createSession(path, options);
                    String dev = "cuda:" + device.ordinal();
                    LOG.info("Model {} loaded on {} from {}", label, dev, modelFile);
                    return new Opened(session, dev);
                } catch (OrtException | LinkageError | RuntimeException e) {
                    why = "the CUDA execution provider is not usable (it needs an NVIDIA driver, CUDA 12 and cuDNN 9;"
                            + " ONNX Runtime's own error line names what is missing): " + oneLine(e);
                } finally {
                    if (options != null) {
                        options.close();
                    }
                }
            }
            LOG.warn("Model {}: CUDA device {} requested but {}; serving on CPU", label, device.ordinal(), why);
        }
        try (OrtSession.SessionOptions options = baseOptions(s)) {
            OrtSession session = env.createSession(path, options);
            LOG.info("Model {} loaded on {} from {}", label, CPU, modelFile);
            return new Opened(session, CPU);
        } catch (OrtException e) {
            throw new IOException("model " + label + ": ONNX Runtime cannot load " + modelFile + ": " + oneLine(e), e);
        }
    }

    /** Session options without an execution provider (CPU). */
    static OrtSession.SessionOptions baseOptions(RuntimeSettings s) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            if (s.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(s.intraOpThreads());
            }
            if (s.interOpThreads() > 0) {
                options.setInterOpNumThreads(s.interOpThreads());
            }
            options.setOptimizationLevel(optimizationLevel(s.optimizationLevel()));
            options.setCPUArenaAllocator(s.memoryArena());
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /** {@code all} (default), {@code extended}, {@code layout}, {@code basic}, {@code none}/{@code disable}. */
    public static OptLevel optimizationLevel(String name) {
        if (name == null || name.isBlank()) {
            return OptLevel.ALL_OPT;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "all", "all_opt", "ort_enable_all" -> OptLevel.ALL_OPT;
            case "extended", "extended_opt", "ort_enable_extended" -> OptLevel.EXTENDED_OPT;
            case "layout", "layout_opt", "ort_enable_layout" -> OptLevel.LAYOUT_OPT;
            case "basic", "basic_opt", "ort_enable_basic" -> OptLevel.BASIC_OPT;
            case "none", "disable", "disabled", "no_opt", "ort_disable_all" -> OptLevel.NO_OPT;
            default -> throw new IllegalArgumentException("Unknown graph optimization level '" + name
                    + "' (expected all, extended, layout, basic or none)");
        };
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 400 ? m.substring(0, 400) + "..." : m;
    }

    /** {@code cpu}, {@code cuda} (with the settings' ordinal) or {@code cuda:N}. */
    record Device(boolean cuda, int ordinal) {
        static Device parse(String device, int cudaDeviceId) {
            String d = device == null ? "cpu" : device.trim().toLowerCase(Locale.ROOT);
            if (d.isEmpty() || d.equals("cpu")) {
                return new Device(false, 0);
            }
            if (d.equals("cuda") || d.equals("gpu")) {
                return new Device(true, Math.max(cudaDeviceId, 0));
            }
            if (d.startsWith("cuda:")) {
                try {
                    return new Device(true, Integer.parseInt(d.substring(5)));
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
            }
            throw new IllegalArgumentException("Unknown device '" + device + "' (expected cpu, cuda or cuda:N)");
        }
    }
}
