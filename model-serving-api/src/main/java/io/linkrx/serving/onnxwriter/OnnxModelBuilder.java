package io.linkrx.serving.onnxwriter;

import com.google.protobuf.ByteString;
import io.linkrx.serving.onnxwriter.proto.AttributeProto;
import io.linkrx.serving.onnxwriter.proto.GraphProto;
import io.linkrx.serving.onnxwriter.proto.ModelProto;
import io.linkrx.serving.onnxwriter.proto.NodeProto;
import io.linkrx.serving.onnxwriter.proto.OperatorSetIdProto;
import io.linkrx.serving.onnxwriter.proto.StringStringEntryProto;
import io.linkrx.serving.onnxwriter.proto.TensorProto;
import io.linkrx.serving.onnxwriter.proto.TensorShapeProto;
import io.linkrx.serving.onnxwriter.proto.TypeProto;
import io.linkrx.serving.onnxwriter.proto.ValueInfoProto;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A small fluent builder that writes real ONNX models ({@code .onnx} files: a serialized {@code onnx.ModelProto})
 * from Java, without Python. Defaults: IR version 8, default-domain opset 17, producer {@code linkrx}.
 *
 * <pre>{@code
 * // score = Sigmoid(features · W + b), features [N, 3] -> score [N, 1]
 * byte[] onnx = OnnxModelBuilder.graph("logreg")
 *     .input("features", FLOAT, "N", 3)           // "N": a symbolic (dynamic) dimension
 *     .output("score", FLOAT, "N", 1)
 *     .initializer("W", new long[] {3, 1}, new float[] {0.5f, -1f, 2f})
 *     .initializer("b", new long[] {1}, new float[] {0.1f})
 *     .node("MatMul", List.of("features", "W"), List.of("z"))
 *     .node("Add", List.of("z", "b"), List.of("logit"))
 *     .node("Sigmoid", List.of("logit"), List.of("score"))
 *     .toByteArray();
 * }</pre>
 *
 * <p>Shapes are given as {@code Object...} dimensions: an {@link Integer} or {@link Long} is a fixed size
 * ({@code dim_value}), a {@link String} is a symbolic size ({@code dim_param}, e.g. {@code "batch"}), and
 * {@code null} an unknown size. Attributes are built with the static {@code attr(...)} helpers, e.g.
 * {@code node("Gather", List.of("E", "ids"), List.of("x"), attr("axis", 0))}; operators whose options are
 * inputs (opset 13+: {@code Unsqueeze} axes, {@code CumSum} axis, {@code ReduceSum} axes ...) take an int64
 * initializer instead, see {@link #initializer(String, long[], long[])} and {@link #scalar(String, long)}.
 *
 * <p>{@link #build()} checks the graph before it writes anything: unique value names, every node input defined
 * earlier (graph input, initializer or an earlier node's output; {@code ""} marks an omitted optional input),
 * every graph output produced, initializer sizes matching their shapes, so that mistakes surface here rather
 * than as an ONNX Runtime load error. It does not check operator schemas or infer types; ONNX Runtime does when
 * the model is loaded. Tensor data are stored inline as little-endian {@code raw_data}; external data (for
 * models over 2 GB) is not supported.
 *
 * <p>Instances are not thread-safe; {@link #build()} may be called more than once.
 */
public final class OnnxModelBuilder {

    /** IR version written by default (IR_VERSION_2021_7_30). */
    public static final long DEFAULT_IR_VERSION = 8;
    /** Opset of the default ({@code ai.onnx}) domain imported by default. */
    public static final int DEFAULT_OPSET = 17;

    public static final TensorProto.DataType FLOAT = TensorProto.DataType.FLOAT;
    public static final TensorProto.DataType INT64 = TensorProto.DataType.INT64;
    public static final TensorProto.DataType INT32 = TensorProto.DataType.INT32;
    public static final TensorProto.DataType BOOL = TensorProto.DataType.BOOL;
    public static final TensorProto.DataType DOUBLE = TensorProto.DataType.DOUBLE;
    public static final TensorProto.DataType STRING = TensorProto.DataType.STRING;

    private final String graphName;
    private long irVersion = DEFAULT_IR_VERSION;
    private final Map<String, Long> opsets = new LinkedHashMap<>();
    private String producerName = "linkrx";
    private String producerVersion = "";
    private String domain = "";
    private long modelVersion;
    private String modelDoc = "";
    private String graphDoc = "";
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();
    private final List<ValueInfoProto> valueInfos = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final List<NodeProto> nodes = new ArrayList<>();

    private OnnxModelBuilder(String graphName) {
        this.graphName = Objects.requireNonNull(graphName, "graphName");
        opsets.put("", (long) DEFAULT_OPSET);
    }

    /** Starts a model whose main graph is called {@code graphName}. */
    public static OnnxModelBuilder graph(String graphName) {
        return new OnnxModelBuilder(graphName);
    }

    // ---------------------------------------------------------------- model-level fields

    public OnnxModelBuilder irVersion(long version) {
        this.irVersion = version;
        return this;
    }

    /** Sets the opset of the default domain ({@code ai.onnx}); 17 unless changed. */
    public OnnxModelBuilder opset(int version) {
        return opset("", version);
    }

    /** Imports an operator set, e.g. {@code opset("com.microsoft", 1)} for ONNX Runtime's contrib operators. */
    public OnnxModelBuilder opset(String opsetDomain, int version) {
        opsets.put(opsetDomain == null ? "" : opsetDomain, (long) version);
        return this;
    }

    public OnnxModelBuilder producer(String name, String version) {
        this.producerName = Objects.requireNonNull(name);
        this.producerVersion = Objects.requireNonNull(version);
        return this;
    }

    /** Reverse-DNS model domain, e.g. {@code io.linkrx.models}. */
    public OnnxModelBuilder domain(String modelDomain) {
        this.domain = Objects.requireNonNull(modelDomain);
        return this;
    }

    public OnnxModelBuilder modelVersion(long version) {
        this.modelVersion = version;
        return this;
    }

    /** Documentation of the model (Markdown allowed). */
    public OnnxModelBuilder docString(String doc) {
        this.modelDoc = Objects.requireNonNull(doc);
        return this;
    }

    /** Documentation of the main graph. */
    public OnnxModelBuilder graphDocString(String doc) {
        this.graphDoc = Objects.requireNonNull(doc);
        return this;
    }

    /** A {@code metadata_props} entry (readable with ONNX Runtime's {@code OnnxModelMetadata.getCustomMetadata()}). */
    public OnnxModelBuilder metadata(String key, String value) {
        metadata.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return this;
    }

    // ---------------------------------------------------------------- graph signature

    /** A graph input; {@code dims}: Integer/Long fixed, String symbolic, null unknown. */
    public OnnxModelBuilder input(String name, TensorProto.DataType type, Object... dims) {
        inputs.add(tensorValueInfo(name, type, dims));
        return this;
    }

    /** A graph output; {@code dims}: Integer/Long fixed, String symbolic, null unknown. */
    public OnnxModelBuilder output(String name, TensorProto.DataType type, Object... dims) {
        outputs.add(tensorValueInfo(name, type, dims));
        return this;
    }

    /** Optional type/shape annotation of an intermediate value (helps tools such as Netron; never required). */
    public OnnxModelBuilder valueInfo(String name, TensorProto.DataType type, Object... dims) {
        valueInfos.add(tensorValueInfo(name, type, dims));
        return this;
    }

    // ---------------------------------------------------------------- initializers (constant tensors)

    public OnnxModelBuilder initializer(String name, long[] dims, float[] data) {
        initializers.add(floatTensor(name, dims, data));
        return this;
    }

    public OnnxModelBuilder initializer(String name, long[] dims, long[] data) {
        initializers.add(int64Tensor(name, dims, data));
        return this;
    }

    public OnnxModelBuilder initializer(String name, long[] dims, int[] data) {
        initializers.add(int32Tensor(name, dims, data));
        return this;
    }

    public OnnxModelBuilder initializer(String name, long[] dims, double[] data) {
        initializers.add(doubleTensor(name, dims, data));
        return this;
    }

    /** Any tensor built with the static helpers (its name is the value name). */
    public OnnxModelBuilder initializer(TensorProto tensor) {
        if (tensor.getName().isEmpty()) {
            throw new IllegalArgumentException("an initializer needs a name");
        }
        initializers.add(tensor);
        return this;
    }

    /** A rank-0 float initializer. */
    public OnnxModelBuilder scalar(String name, float value) {
        return initializer(name, new long[0], new float[] {value});
    }

    /** A rank-0 int64 initializer (e.g. the axis input of {@code CumSum}). */
    public OnnxModelBuilder scalar(String name, long value) {
        return initializer(name, new long[0], new long[] {value});
    }

    // ---------------------------------------------------------------- nodes

    /** Appends a node of the default domain; nodes must be added in topological order. */
    public OnnxModelBuilder node(String opType, List<String> nodeInputs, List<String> nodeOutputs,
                                 AttributeProto... attributes) {
        return node("", opType, nodeInputs, nodeOutputs, attributes);
    }

    /** Appends a node of operator set {@code opDomain} ({@code ""} for the default domain). */
    public OnnxModelBuilder node(String opDomain, String opType, List<String> nodeInputs, List<String> nodeOutputs,
                                 AttributeProto... attributes) {
        if (nodeOutputs.isEmpty()) {
            throw new IllegalArgumentException(opType + ": a node needs at least one output");
        }
        NodeProto.Builder node = NodeProto.newBuilder()
            .setOpType(Objects.requireNonNull(opType))
            .setName(opType + "_" + nodes.size())
            .addAllInput(nodeInputs)
            .addAllOutput(nodeOutputs);
        if (opDomain != null && !opDomain.isEmpty()) {
            node.setDomain(opDomain);
        }
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        nodes.add(node.build());
        return this;
    }

    /** Appends a prebuilt node (its inputs must already be defined). */
    public OnnxModelBuilder node(NodeProto node) {
        nodes.add(node);
        return this;
    }

    // ---------------------------------------------------------------- output

    /** The main graph alone, e.g. as the body of an {@code If}/{@code Loop} attribute (outer-scope names allowed). */
    public GraphProto buildGraph() {
        return graphProto();
    }

    /** Checks the graph and returns the model. */
    public ModelProto build() {
        validate();
        ModelProto.Builder model = ModelProto.newBuilder()
            .setIrVersion(irVersion)
            .setProducerName(producerName)
            .setProducerVersion(producerVersion)
            .setDomain(domain)
            .setModelVersion(modelVersion)
            .setDocString(modelDoc)
            .setGraph(graphProto());
        opsets.forEach((d, v) -> model.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(d).setVersion(v)));
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    /** The serialized model, ready for {@code new OrtEnvironment().createSession(bytes)}. */
    public byte[] toByteArray() {
        return build().toByteArray();
    }

    /** Writes the model to {@code file} (parent directories created) and returns the file. */
    public Path write(Path file) throws IOException {
        ModelProto model = build();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        return file;
    }

    private GraphProto graphProto() {
        return GraphProto.newBuilder()
            .setName(graphName)
            .setDocString(graphDoc)
            .addAllNode(nodes)
            .addAllInitializer(initializers)
            .addAllInput(inputs)
            .addAllOutput(outputs)
            .addAllValueInfo(valueInfos)
            .build();
    }

    private void validate() {
        if (!opsets.containsKey("")) {
            throw new IllegalStateException("the model must import the default (ai.onnx) opset");
        }
        Set<String> defined = new HashSet<>();
        for (ValueInfoProto in : inputs) {
            define(defined, in.getName(), "graph input");
        }
        for (TensorProto t : initializers) {
            define(defined, t.getName(), "initializer");
            checkSize(t);
        }
        for (NodeProto n : nodes) {
            for (String in : n.getInputList()) {
                if (!in.isEmpty() && !defined.contains(in)) {
                    throw new IllegalStateException("node " + n.getName() + " (" + n.getOpType() + ") reads '" + in
                        + "', which is not a graph input, an initializer or the output of an earlier node");
                }
            }
            for (String out : n.getOutputList()) {
                if (!out.isEmpty()) {
                    define(defined, out, "output of node " + n.getName());
                }
            }
        }
        Set<String> outNames = new HashSet<>();
        for (ValueInfoProto out : outputs) {
            if (!outNames.add(out.getName())) {
                throw new IllegalStateException("graph output '" + out.getName() + "' is declared twice");
            }
            if (!defined.contains(out.getName())) {
                throw new IllegalStateException("graph output '" + out.getName() + "' is produced by no node");
            }
        }
        if (outputs.isEmpty()) {
            throw new IllegalStateException("the graph has no output");
        }
    }

    private static void define(Set<String> defined, String name, String what) {
        if (name.isEmpty()) {
            throw new IllegalStateException("a " + what + " has no name");
        }
        if (!defined.add(name)) {
            throw new IllegalStateException("value '" + name + "' is defined twice (again as " + what + ")");
        }
    }

    private static void checkSize(TensorProto t) {
        long n = 1;
        for (long d : t.getDimsList()) {
            n *= d;
        }
        long have;
        TensorProto.DataType type = TensorProto.DataType.forNumber(t.getDataType());
        if (!t.getRawData().isEmpty()) {
            int width = switch (type == null ? TensorProto.DataType.UNDEFINED : type) {
                case FLOAT, INT32, UINT32 -> 4;
                case INT64, DOUBLE, UINT64 -> 8;
                case INT16, UINT16, FLOAT16, BFLOAT16 -> 2;
                case INT8, UINT8, BOOL -> 1;
                default -> 0;
            };
            if (width == 0) {
                return;
            }
            have = t.getRawData().size() / width;
        } else {
            have = t.getFloatDataCount() + t.getInt32DataCount() + t.getInt64DataCount() + t.getDoubleDataCount()
                + t.getUint64DataCount() + t.getStringDataCount();
        }
        if (have != n) {
            throw new IllegalStateException("initializer '" + t.getName() + "' has " + have + " elements but its shape "
                + t.getDimsList() + " needs " + n);
        }
    }

    // ---------------------------------------------------------------- static helpers: types and tensors

    /** A tensor-typed {@link ValueInfoProto}; {@code dims}: Integer/Long fixed, String symbolic, null unknown. */
    public static ValueInfoProto tensorValueInfo(String name, TensorProto.DataType type, Object... dims) {
        return ValueInfoProto.newBuilder()
            .setName(Objects.requireNonNull(name))
            .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(type.getNumber())
                .setShape(shape(dims))))
            .build();
    }

    /** A shape; {@code dims}: Integer/Long fixed ({@code dim_value}), String symbolic ({@code dim_param}), null unknown. */
    public static TensorShapeProto shape(Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Integer || d instanceof Long) {
                long v = ((Number) d).longValue();
                if (v < 0) {
                    throw new IllegalArgumentException("a fixed dimension must be >= 0 (use a String for a symbolic one): " + v);
                }
                dim.setDimValue(v);
            } else if (d instanceof String s) {
                dim.setDimParam(s);
            } else if (d != null) {
                throw new IllegalArgumentException("dimension must be Integer, Long, String or null: " + d.getClass());
            }
            shape.addDim(dim);
        }
        return shape.build();
    }

    public static TensorProto floatTensor(String name, long[] dims, float[] data) {
        checkCount(name, dims, data.length);
        ByteBuffer buf = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        return raw(name, dims, TensorProto.DataType.FLOAT, buf);
    }

    public static TensorProto int64Tensor(String name, long[] dims, long[] data) {
        checkCount(name, dims, data.length);
        ByteBuffer buf = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.asLongBuffer().put(data);
        return raw(name, dims, TensorProto.DataType.INT64, buf);
    }

    public static TensorProto int32Tensor(String name, long[] dims, int[] data) {
        checkCount(name, dims, data.length);
        ByteBuffer buf = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asIntBuffer().put(data);
        return raw(name, dims, TensorProto.DataType.INT32, buf);
    }

    public static TensorProto doubleTensor(String name, long[] dims, double[] data) {
        checkCount(name, dims, data.length);
        ByteBuffer buf = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(data);
        return raw(name, dims, TensorProto.DataType.DOUBLE, buf);
    }

    public static TensorProto stringTensor(String name, long[] dims, String... data) {
        checkCount(name, dims, data.length);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.STRING_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (String s : data) {
            t.addStringData(ByteString.copyFrom(s, StandardCharsets.UTF_8));
        }
        return t.build();
    }

    private static TensorProto raw(String name, long[] dims, TensorProto.DataType type, ByteBuffer buf) {
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(type.getNumber()).setRawData(ByteString.copyFrom(buf.array()));
        if (name != null) {
            t.setName(name);
        }
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static void checkCount(String name, long[] dims, int length) {
        long n = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        if (n != length) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(dims) + " needs " + n
                + " elements, got " + length);
        }
    }

    // ---------------------------------------------------------------- static helpers: attributes

    public static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    public static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    public static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
            .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8)).build();
    }

    public static AttributeProto attr(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    public static AttributeProto attr(String name, float... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOATS);
        for (float v : values) {
            a.addFloats(v);
        }
        return a.build();
    }

    public static AttributeProto attr(String name, String... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRINGS);
        for (String v : values) {
            a.addStrings(ByteString.copyFrom(v, StandardCharsets.UTF_8));
        }
        return a.build();
    }

    /** A tensor attribute, e.g. {@code Constant}'s {@code value} (the tensor may be unnamed). */
    public static AttributeProto attr(String name, TensorProto value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(value).build();
    }

    /** A graph attribute, e.g. the {@code then_branch} of {@code If}. */
    public static AttributeProto attr(String name, GraphProto value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.GRAPH).setG(value).build();
    }

    /** The {@code to} attribute of {@code Cast}. */
    public static AttributeProto castTo(TensorProto.DataType type) {
        return attr("to", (long) type.getNumber());
    }
}
