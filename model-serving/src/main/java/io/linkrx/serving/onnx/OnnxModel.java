package io.linkrx.serving.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.linkrx.serving.config.DataType;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.config.ModelInput;
import io.linkrx.serving.config.ModelOutput;
import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.model.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any ONNX model, tensors passed through (kind {@code onnx}). Inputs and outputs come from the session's metadata;
 * a config that lists {@code input}/{@code output} narrows and documents them (with {@code max_batch_size > 0}
 * Triton's dims exclude the batch dimension, which this model then reports as -1 in front).
 */
public final class OnnxModel extends OrtModel {
    private final OrtEnvironment env;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final Map<String, TensorSpec> inputsByName = new HashMap<>();
    private final Set<String> outputNames;
    private final int maxBatchSize;

    /** Takes ownership of the opened session (closes it when construction fails). */
    public OnnxModel(String name, String version, ModelConfig config, OrtSessions.Opened opened) {
        super(name, version, opened);
        try {
            this.env = OrtSessions.environment();
            this.maxBatchSize = Math.max(0, config.getMaxBatchSize());
            this.inputs = List.copyOf(resolveInputs(config));
            this.outputs = List.copyOf(resolveOutputs(config));
            inputs.forEach(s -> inputsByName.put(s.name(), s));
            this.outputNames = new LinkedHashSet<>(outputs.stream().map(TensorSpec::name).toList());
        } catch (RuntimeException | OrtException e) {
            close();
            throw e instanceof IllegalArgumentException iae ? iae
                    : new IllegalArgumentException("model " + label() + ": " + e.getMessage(), e);
        }
    }

    private List<TensorSpec> resolveInputs(ModelConfig config) throws OrtException {
        Map<String, NodeInfo> onnx = session.getInputInfo();
        Map<String, TensorSpec> specs = new LinkedHashMap<>();
        for (NodeInfo node : onnx.values()) {
            specs.put(node.getName(), withBatch(OnnxTensors.spec(node, true), "input"));
        }
        if (config.getInputCount() > 0) {
            Set<String> configured = new LinkedHashSet<>();
            for (ModelInput in : config.getInputList()) {
                TensorSpec s = specs.get(in.getName());
                if (s == null) {
                    throw new IllegalArgumentException("model " + label() + ": config input '" + in.getName()
                            + "' is not an input of the ONNX model; its inputs are " + specs.keySet());
                }
                specs.put(in.getName(), fromConfig(s, in.getDataType(), in.getDimsList(), "input"));
                configured.add(in.getName());
            }
            if (!configured.containsAll(specs.keySet())) {
                Set<String> missing = new LinkedHashSet<>(specs.keySet());
                missing.removeAll(configured);
                throw new IllegalArgumentException("model " + label() + ": the config does not list the ONNX inputs "
                        + missing + " (list all inputs or none)");
            }
        }
        return new ArrayList<>(specs.values());
    }

    private List<TensorSpec> resolveOutputs(ModelConfig config) throws OrtException {
        Map<String, NodeInfo> onnx = session.getOutputInfo();
        List<TensorSpec> result = new ArrayList<>();
        if (config.getOutputCount() == 0) {
            for (NodeInfo node : onnx.values()) {
                result.add(withBatch(OnnxTensors.spec(node, false), "output"));
            }
            return result;
        }
        for (ModelOutput out : config.getOutputList()) {
            NodeInfo node = onnx.get(out.getName());
            if (node == null) {
                throw new IllegalArgumentException("model " + label() + ": config output '" + out.getName()
                        + "' is not an output of the ONNX model; its outputs are " + onnx.keySet());
            }
            TensorSpec s = withBatch(OnnxTensors.spec(node, false), "output");
            result.add(fromConfig(s, out.getDataType(), out.getDimsList(), "output"));
        }
        return result;
    }

    /** With batching, the first dimension is the batch: it must be variable in the ONNX model. */
    private TensorSpec withBatch(TensorSpec s, String what) {
        if (maxBatchSize == 0) {
            return s;
        }
        long[] shape = s.shape();
        if (shape.length == 0 || (shape[0] != -1 && !(shape[0] == 1 && maxBatchSize == 1))) {
            throw new IllegalArgumentException("model " + label() + ": max_batch_size is " + maxBatchSize + " but "
                    + what + " '" + s.name() + "' has shape " + Arrays.toString(shape)
                    + " without a variable first (batch) dimension; set max_batch_size: 0");
        }
        long[] b = shape.clone();
        b[0] = -1;
        return new TensorSpec(s.name(), s.type(), b);
    }

    private TensorSpec fromConfig(TensorSpec onnx, DataType dataType, List<Long> dims, String what) {
        if (dataType != DataType.TYPE_INVALID) {
            TensorType t = ModelConfigs.tensorType(dataType);
            if (t != onnx.type()) {
                throw new IllegalArgumentException("model " + label() + ": config " + what + " '" + onnx.name()
                        + "' has data_type " + dataType + " but the ONNX model's is " + onnx.type());
            }
        }
        if (dims.isEmpty()) {
            return onnx;
        }
        long[] shape = new long[dims.size() + (maxBatchSize > 0 ? 1 : 0)];
        int o = 0;
        if (maxBatchSize > 0) {
            shape[o++] = -1;
        }
        for (long d : dims) {
            shape[o++] = d < 0 ? -1 : d;
        }
        long[] declared = onnx.shape();
        boolean compatible = declared.length == shape.length;
        for (int i = 0; compatible && i < shape.length; i++) {
            compatible = declared[i] == -1 || shape[i] == -1 || declared[i] == shape[i];
        }
        if (!compatible) {
            throw new IllegalArgumentException("model " + label() + ": config " + what + " '" + onnx.name()
                    + "' has shape " + Arrays.toString(shape) + " (batch included) but the ONNX model declares "
                    + Arrays.toString(declared));
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                shape[i] = declared[i];
            }
        }
        return new TensorSpec(onnx.name(), onnx.type(), shape);
    }

    @Override
    public List<TensorSpec> inputs() {
        return inputs;
    }

    @Override
    public List<TensorSpec> outputs() {
        return outputs;
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    @Override
    protected List<Tensor> run(List<Tensor> request) throws ModelException, OrtException {
        Map<String, Tensor> byName = new LinkedHashMap<>();
        long batch = -1;
        for (Tensor t : request) {
            TensorSpec spec = inputsByName.get(t.name());
            if (spec == null) {
                throw new ModelException("model " + label() + " has no input '" + t.name() + "'; its inputs are "
                        + inputsByName.keySet(), true);
            }
            if (byName.put(t.name(), t) != null) {
                throw new ModelException("model " + label() + ": input '" + t.name() + "' is given twice", true);
            }
            OnnxTensors.checkWellFormed(t);
            checkAgainst(spec, t);
            if (maxBatchSize > 0) {
                long b = t.shape()[0];
                if (batch >= 0 && b != batch) {
                    throw new ModelException("model " + label() + ": inputs disagree on the batch size ("
                            + batch + " vs " + b + " for '" + t.name() + "')", true);
                }
                batch = b;
            }
        }
        if (byName.size() != inputs.size()) {
            Set<String> missing = new LinkedHashSet<>(inputsByName.keySet());
            missing.removeAll(byName.keySet());
            throw new ModelException("model " + label() + ": missing inputs " + missing, true);
        }
        if (maxBatchSize > 0 && batch > maxBatchSize) {
            throw new ModelException("model " + label() + ": batch size " + batch + " exceeds max_batch_size "
                    + maxBatchSize, true);
        }
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try {
            for (Tensor t : byName.values()) {
                feed.put(t.name(), OnnxTensors.toOnnx(env, t));
            }
            try (OrtSession.Result result = session.run(feed, outputNames)) {
                List<Tensor> out = new ArrayList<>(outputs.size());
                for (TensorSpec spec : outputs) {
                    OnnxValue v = result.get(spec.name())
                            .orElseThrow(() -> new OrtException("output '" + spec.name() + "' missing from the result"));
                    out.add(OnnxTensors.fromOnnx(spec.name(), v));
                }
                return out;
            }
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private void checkAgainst(TensorSpec spec, Tensor t) throws ModelException {
        if (spec.type() != t.type()) {
            throw new ModelException("model " + label() + ": input '" + t.name() + "' has datatype " + t.type()
                    + " but the model expects " + spec.type(), true);
        }
        long[] want = spec.shape();
        long[] got = t.shape();
        boolean ok = want.length == got.length;
        for (int i = 0; ok && i < want.length; i++) {
            ok = want[i] == -1 || want[i] == got[i];
        }
        if (!ok) {
            throw new ModelException("model " + label() + ": input '" + t.name() + "' has shape "
                    + Arrays.toString(got) + " but the model expects " + Arrays.toString(want), true);
        }
    }
}
