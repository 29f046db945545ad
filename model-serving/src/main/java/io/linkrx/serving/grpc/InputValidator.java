package io.linkrx.serving.grpc;

import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a request against the model's declared tensors before it is queued, so one caller's mistake fails
 * only that caller (and never a whole batch): names, types, ranks, fixed dimensions, batch size. Declared inputs
 * a request leaves out are the model's to judge (some are optional).
 */
public final class InputValidator {
    private InputValidator() {}

    /**
     * @param batching whether the model's requests are concatenated (then every input must share dimension 0)
     * @return the request's rows along dimension 0 (1 for a model without a batch dimension)
     */
    public static int validate(ServedModel model, List<Tensor> inputs, boolean batching) throws InvalidRequestException {
        List<TensorSpec> specs = model.inputs();
        if (!specs.isEmpty()) {
            Map<String, TensorSpec> byName = new LinkedHashMap<>();
            specs.forEach(s -> byName.put(s.name(), s));
            for (Tensor t : inputs) {
                TensorSpec spec = byName.get(t.name());
                if (spec == null) {
                    throw new InvalidRequestException("model '" + model.name() + "' has no input '" + TensorCodec.safe(t.name())
                            + "' (inputs: " + String.join(", ", byName.keySet()) + ")");
                }
                checkAgainst(model, t, spec);
            }
        }
        return rows(model, inputs, batching);
    }

    private static void checkAgainst(ServedModel model, Tensor t, TensorSpec spec) throws InvalidRequestException {
        if (t.type() != spec.type()) {
            throw new InvalidRequestException("input '" + t.name() + "' of model '" + model.name() + "' must be " + spec.type()
                    + ", was " + t.type());
        }
        long[] want = spec.shape();
        long[] got = t.shape();
        if (want.length != got.length) {
            throw new InvalidRequestException("input '" + t.name() + "' of model '" + model.name() + "' must have shape "
                    + Arrays.toString(want) + " (-1: any), was " + Arrays.toString(got));
        }
        for (int d = 0; d < want.length; d++) {
            if (want[d] >= 0 && want[d] != got[d]) {
                throw new InvalidRequestException("input '" + t.name() + "' of model '" + model.name() + "' must have shape "
                        + Arrays.toString(want) + " (-1: any), was " + Arrays.toString(got));
            }
        }
    }

    private static int rows(ServedModel model, List<Tensor> inputs, boolean batching) throws InvalidRequestException {
        if (model.maxBatchSize() <= 0) {
            return 1;
        }
        long rows = -1;
        for (Tensor t : inputs) {
            if (t.shape().length == 0) {
                throw new InvalidRequestException("input '" + t.name() + "' of model '" + model.name()
                        + "' needs a batch dimension (the model batches up to " + model.maxBatchSize() + ")");
            }
            if (rows < 0) {
                rows = t.shape()[0];
            } else if (batching && t.shape()[0] != rows) {
                throw new InvalidRequestException("inputs of one request must agree on the batch dimension (model '"
                        + model.name() + "' batches requests): '" + t.name() + "' has " + t.shape()[0] + ", others " + rows);
            }
        }
        if (rows < 1) {
            throw new InvalidRequestException("batch dimension must be at least 1, was " + rows);
        }
        if (rows > model.maxBatchSize()) {
            throw new InvalidRequestException("batch of " + rows + " exceeds the max_batch_size " + model.maxBatchSize()
                    + " of model '" + model.name() + "'; split the request");
        }
        return (int) rows;
    }

    /** Checks requested output names against the declared ones (when the model declares them). */
    public static void validateRequestedOutputs(ServedModel model, List<String> requested) throws InvalidRequestException {
        if (model.outputs().isEmpty()) {
            return;
        }
        List<String> declared = model.outputs().stream().map(TensorSpec::name).toList();
        for (String name : requested) {
            if (!declared.contains(name)) {
                throw new InvalidRequestException("model '" + model.name() + "' has no output '" + TensorCodec.safe(name)
                        + "' (outputs: " + String.join(", ", declared) + ")");
            }
        }
    }
}
