package io.linkrx.serving.model;

import java.util.List;

/**
 * One loaded version of a model, ready to run. Implementations are thread-safe; the dynamic batcher (when the
 * model's config enables it) calls {@link #infer} with requests already concatenated along dimension 0.
 */
public interface ServedModel extends AutoCloseable {
    String name();

    String version();

    /** Triton platform string, e.g. {@code onnxruntime_onnx}. */
    String platform();

    List<TensorSpec> inputs();

    List<TensorSpec> outputs();

    /** Largest batch (dimension 0) one call accepts; 0 when the model has no batch dimension. */
    int maxBatchSize();

    /** Where it runs, e.g. {@code cpu} or {@code cuda:0}. */
    String device();

    /** Runs the model; the outputs keep the batch order of the inputs. */
    List<Tensor> infer(List<Tensor> inputs) throws ModelException;

    @Override
    void close();
}
