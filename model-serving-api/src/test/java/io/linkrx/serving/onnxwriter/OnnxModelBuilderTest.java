package io.linkrx.serving.onnxwriter;

import static io.linkrx.serving.onnxwriter.OnnxModelBuilder.FLOAT;
import static io.linkrx.serving.onnxwriter.OnnxModelBuilder.INT64;
import static io.linkrx.serving.onnxwriter.OnnxModelBuilder.attr;
import static io.linkrx.serving.onnxwriter.OnnxModelBuilder.castTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.google.protobuf.UnknownFieldSet;
import io.linkrx.serving.onnxwriter.proto.ModelProto;
import io.linkrx.serving.onnxwriter.proto.TensorProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelBuilderTest {

    private static OrtEnvironment env;

    @BeforeAll
    static void env() {
        env = OrtEnvironment.getEnvironment();
    }

    @AfterAll
    static void noop() {
        // the environment is a process-wide singleton; ONNX Runtime releases it at exit
    }

    private static final float[] W = {0.5f, -1.25f, 2.0f, 0.75f};
    private static final float B = -0.3f;

    private static OnnxModelBuilder logisticRegression() {
        return OnnxModelBuilder.graph("logreg")
            .producer("linkrx-test", "1")
            .docString("score = sigmoid(features . W + b)")
            .metadata("features", "f0,f1,f2,f3")
            .input("features", FLOAT, "N", 4)
            .output("score", FLOAT, "N", 1)
            .initializer("W", new long[] {4, 1}, W)
            .initializer("b", new long[] {1}, new float[] {B})
            .node("MatMul", List.of("features", "W"), List.of("z"))
            .node("Add", List.of("z", "b"), List.of("logit"))
            .node("Sigmoid", List.of("logit"), List.of("score"));
    }

    @Test
    void logisticRegressionScorerRunsInOnnxRuntime(@TempDir Path dir) throws Exception {
        Path file = logisticRegression().write(dir.resolve("sub/model.onnx"));
        assertThat(Files.size(file)).isPositive();

        float[][] x = {{1, 2, 3, 4}, {0, 0, 0, 0}, {-1, 0.5f, 0.25f, -2}};
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions())) {
            NodeInfo in = session.getInputInfo().get("features");
            assertThat(((TensorInfo) in.getInfo()).getShape()).containsExactly(-1L, 4L);   // "N" is dynamic
            assertThat(session.getOutputNames()).containsExactly("score");
            assertThat(session.getMetadata().getCustomMetadata()).containsEntry("features", "f0,f1,f2,f3");
            assertThat(session.getMetadata().getProducerName()).isEqualTo("linkrx-test");

            try (OnnxTensor t = OnnxTensor.createTensor(env, x);
                 OrtSession.Result r = session.run(Map.of("features", t))) {
                float[][] score = (float[][]) r.get(0).getValue();
                assertThat(score).hasDimensions(3, 1);
                for (int i = 0; i < x.length; i++) {
                    double z = B;
                    for (int j = 0; j < 4; j++) {
                        z += x[i][j] * W[j];
                    }
                    assertThat(score[i][0]).isCloseTo((float) (1 / (1 + Math.exp(-z))), within(1e-6f));
                }
            }
        }
    }

    @Test
    void gatherAndMatMulRunInOnnxRuntime() throws Exception {
        // embedding E [5, 3] gathered by ids [N, T] -> [N, T, 3], projected by P [3, 2] -> [N, T, 2]
        float[] e = new float[15];
        for (int i = 0; i < e.length; i++) {
            e[i] = i * 0.1f - 0.7f;
        }
        float[] p = {1, 0, 0, 1, 0.5f, -0.5f};
        byte[] model = OnnxModelBuilder.graph("gather_matmul")
            .input("ids", INT64, "batch", "seq")
            .output("y", FLOAT, "batch", "seq", 2)
            .initializer("E", new long[] {5, 3}, e)
            .initializer("P", new long[] {3, 2}, p)
            .node("Gather", List.of("E", "ids"), List.of("emb"), attr("axis", 0))
            .node("MatMul", List.of("emb", "P"), List.of("y"))
            .valueInfo("emb", FLOAT, "batch", "seq", 3)
            .toByteArray();

        long[][] ids = {{0, 4, 2}, {3, 3, 1}};
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(env, ids);
             OrtSession.Result r = session.run(Map.of("ids", t))) {
            float[][][] y = (float[][][]) r.get(0).getValue();
            for (int b = 0; b < 2; b++) {
                for (int s = 0; s < 3; s++) {
                    int row = (int) ids[b][s];
                    for (int c = 0; c < 2; c++) {
                        float expected = 0;
                        for (int k = 0; k < 3; k++) {
                            expected += e[row * 3 + k] * p[k * 2 + c];
                        }
                        assertThat(y[b][s][c]).isCloseTo(expected, within(1e-5f));
                    }
                }
            }
        }
    }

    @Test
    void tensorAttributesInt64InitializersAndCastWork() throws Exception {
        // y = Cast<float>(CumSum(x + Constant[10,20,30], axis=1)) with an int64 graph
        byte[] model = OnnxModelBuilder.graph("consts")
            .input("x", INT64, "N", 3)
            .output("y", FLOAT, "N", 3)
            .scalar("axis", 1L)
            .node("Constant", List.of(), List.of("c"),
                attr("value", OnnxModelBuilder.int64Tensor(null, new long[] {3}, new long[] {10, 20, 30})))
            .node("Add", List.of("x", "c"), List.of("s"))
            .node("CumSum", List.of("s", "axis"), List.of("cs"))
            .node("Cast", List.of("cs"), List.of("y"), castTo(TensorProto.DataType.FLOAT))
            .toByteArray();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(env, new long[][] {{1, 2, 3}});
             OrtSession.Result r = session.run(Map.of("x", t))) {
            assertThat(((float[][]) r.get(0).getValue())[0]).containsExactly(11f, 33f, 66f);
        }
    }

    @Test
    void writesTheOfficialFieldNumbers() throws Exception {
        ModelProto model = logisticRegression().build();
        assertThat(model.getIrVersion()).isEqualTo(8);
        assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(17);

        // read back the bytes with no schema at all: only the official ONNX field numbers may appear
        UnknownFieldSet m = UnknownFieldSet.parseFrom(model.toByteArray());
        assertThat(m.getField(1).getVarintList()).containsExactly(8L);                       // ir_version
        assertThat(m.getField(2).getLengthDelimitedList().get(0).toStringUtf8()).isEqualTo("linkrx-test"); // producer_name
        assertThat(m.asMap().keySet()).contains(1, 2, 3, 6, 7, 8, 14);
        UnknownFieldSet opset = UnknownFieldSet.parseFrom(m.getField(8).getLengthDelimitedList().get(0));
        assertThat(opset.getField(2).getVarintList()).containsExactly(17L);                  // OperatorSetIdProto.version
        UnknownFieldSet graph = UnknownFieldSet.parseFrom(m.getField(7).getLengthDelimitedList().get(0));
        assertThat(graph.getField(1).getLengthDelimitedList()).hasSize(3);                   // node
        assertThat(graph.getField(2).getLengthDelimitedList().get(0).toStringUtf8()).isEqualTo("logreg"); // name
        assertThat(graph.getField(5).getLengthDelimitedList()).hasSize(2);                   // initializer
        assertThat(graph.getField(11).getLengthDelimitedList()).hasSize(1);                  // input
        assertThat(graph.getField(12).getLengthDelimitedList()).hasSize(1);                  // output
        UnknownFieldSet node = UnknownFieldSet.parseFrom(graph.getField(1).getLengthDelimitedList().get(0));
        assertThat(node.getField(4).getLengthDelimitedList().get(0).toStringUtf8()).isEqualTo("MatMul"); // op_type
        UnknownFieldSet init = UnknownFieldSet.parseFrom(graph.getField(5).getLengthDelimitedList().get(0));
        assertThat(packedVarints(init.getField(1))).containsExactly(4L, 1L);                // dims (packed in proto3)
        assertThat(init.getField(2).getVarintList()).containsExactly(1L);                    // data_type FLOAT
        assertThat(init.getField(8).getLengthDelimitedList().get(0).toStringUtf8()).isEqualTo("W"); // name
        assertThat(init.getField(9).getLengthDelimitedList().get(0).size()).isEqualTo(16);   // raw_data
        UnknownFieldSet input = UnknownFieldSet.parseFrom(graph.getField(11).getLengthDelimitedList().get(0));
        UnknownFieldSet type = UnknownFieldSet.parseFrom(input.getField(2).getLengthDelimitedList().get(0));
        UnknownFieldSet tensorType = UnknownFieldSet.parseFrom(type.getField(1).getLengthDelimitedList().get(0));
        assertThat(tensorType.getField(1).getVarintList()).containsExactly(1L);             // elem_type FLOAT
        UnknownFieldSet shape = UnknownFieldSet.parseFrom(tensorType.getField(2).getLengthDelimitedList().get(0));
        UnknownFieldSet dim0 = UnknownFieldSet.parseFrom(shape.getField(1).getLengthDelimitedList().get(0));
        UnknownFieldSet dim1 = UnknownFieldSet.parseFrom(shape.getField(1).getLengthDelimitedList().get(1));
        assertThat(dim0.getField(2).getLengthDelimitedList().get(0).toStringUtf8()).isEqualTo("N"); // dim_param
        assertThat(dim1.getField(1).getVarintList()).containsExactly(4L);                   // dim_value
    }

    private static List<Long> packedVarints(UnknownFieldSet.Field field) throws java.io.IOException {
        List<Long> values = new java.util.ArrayList<>(field.getVarintList());
        for (com.google.protobuf.ByteString packed : field.getLengthDelimitedList()) {
            com.google.protobuf.CodedInputStream in = packed.newCodedInput();
            while (!in.isAtEnd()) {
                values.add(in.readInt64());
            }
        }
        return values;
    }

    @Test
    void attributesUseTheirTypeDiscriminator() {
        assertThat(attr("axis", 0).getType().getNumber()).isEqualTo(2);            // INT
        assertThat(attr("alpha", 0.5f).getType().getNumber()).isEqualTo(1);       // FLOAT
        assertThat(attr("mode", "constant").getType().getNumber()).isEqualTo(3);  // STRING
        assertThat(attr("perm", 0L, 2L, 1L).getType().getNumber()).isEqualTo(7);  // INTS
        assertThat(attr("scales", 1f, 2f).getType().getNumber()).isEqualTo(6);    // FLOATS
        assertThat(attr("perm", 0L, 2L, 1L).getIntsList()).containsExactly(0L, 2L, 1L);
    }

    @Test
    void rejectsBrokenGraphsBeforeWritingThem() {
        assertThatThrownBy(() -> OnnxModelBuilder.graph("g").input("x", FLOAT, "N")
                .output("y", FLOAT, "N").node("Relu", List.of("missing"), List.of("y")).build())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("'missing'");
        assertThatThrownBy(() -> OnnxModelBuilder.graph("g").input("x", FLOAT, "N")
                .output("y", FLOAT, "N").node("Relu", List.of("x"), List.of("z")).build())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("produced by no node");
        assertThatThrownBy(() -> OnnxModelBuilder.graph("g").input("x", FLOAT, "N")
                .output("x2", FLOAT, "N").node("Relu", List.of("x"), List.of("x")).build())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> OnnxModelBuilder.graph("g").initializer("w", new long[] {2, 2}, new float[3]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 4");
        assertThatThrownBy(() -> OnnxModelBuilder.shape(-1))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
