package io.linkrx.serving.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.linkrx.serving.config.DataType;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.config.ModelInput;
import io.linkrx.serving.config.ModelOutput;
import io.linkrx.serving.encoder.TestEncoders;
import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.ModelLoader;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.model.TensorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {
    static final String MINILM = "all-minilm-l6-v2";
    static Path minilmDir;
    static ServedModel raw;

    @BeforeAll
    static void load() throws IOException {
        minilmDir = TestEncoders.versionDir(MINILM);
        raw = new OnnxModelLoader().load(ModelConfig.newBuilder().setName("raw").build(), minilmDir, "7",
                TestEncoders.cpu());
    }

    @AfterAll
    static void close() {
        if (raw != null) {
            raw.close();
        }
    }

    @Test
    void signatureComesFromTheSession() {
        assertThat(raw.name()).isEqualTo("raw");
        assertThat(raw.version()).isEqualTo("7");
        assertThat(raw.platform()).isEqualTo("onnxruntime_onnx");
        assertThat(raw.device()).isEqualTo("cpu");
        assertThat(raw.maxBatchSize()).isZero();
        assertThat(raw.inputs()).extracting(TensorSpec::name)
                .containsExactlyInAnyOrder("input_ids", "attention_mask", "token_type_ids");
        assertThat(raw.inputs()).allSatisfy(s -> {
            assertThat(s.type()).isEqualTo(TensorType.INT64);
            assertThat(s.shape()).containsExactly(-1, -1);
        });
        assertThat(raw.outputs()).extracting(TensorSpec::name).contains("last_hidden_state");
        TensorSpec out = raw.outputs().stream().filter(s -> s.name().equals("last_hidden_state")).findFirst().orElseThrow();
        assertThat(out.type()).isEqualTo(TensorType.FP32);
        assertThat(out.shape()).containsExactly(-1, -1, 384);
    }

    @Test
    void runsMiniLmRawTensorsLikeOnnxRuntimeDoes() throws Exception {
        String[] texts = {"acute myocardial infarction", "metformin for type 2 diabetes mellitus"};
        // padded [2, T] inputs, built by hand
        long[][] ids;
        try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(minilmDir.resolve("tokenizer.json"),
                Map.of("padding", "true", "truncation", "true", "maxLength", "64"))) {
            Encoding[] enc = tok.batchEncode(texts);
            ids = new long[][] {enc[0].getIds(), enc[1].getIds()};
            long[][] mask = {enc[0].getAttentionMask(), enc[1].getAttentionMask()};
            long[][] types = {enc[0].getTypeIds(), enc[1].getTypeIds()};
            int t = ids[0].length;
            assertThat(ids[1]).hasSize(t);
            long[] shape = {2, t};
            List<Tensor> out = raw.infer(List.of(
                    Tensor.int64("input_ids", shape, flat(ids)),
                    Tensor.int64("attention_mask", shape, flat(mask)),
                    Tensor.int64("token_type_ids", shape, flat(types))));
            Tensor hidden = out.stream().filter(x -> x.name().equals("last_hidden_state")).findFirst().orElseThrow();
            assertThat(hidden.type()).isEqualTo(TensorType.FP32);
            assertThat(hidden.shape()).containsExactly(2, t, 384);

            // the same inputs straight through ONNX Runtime
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession s = env.createSession(minilmDir.resolve("model.onnx").toString());
                 OnnxTensor a = OnnxTensor.createTensor(env, ids);
                 OnnxTensor b = OnnxTensor.createTensor(env, mask);
                 OnnxTensor c = OnnxTensor.createTensor(env, types);
                 OrtSession.Result r = s.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
                float[][][] want = (float[][][]) r.get("last_hidden_state").orElseThrow().getValue();
                float[] got = (float[]) hidden.data();
                double worst = 0;
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < t; j++) {
                        for (int k = 0; k < 384; k++) {
                            worst = Math.max(worst, Math.abs(want[i][j][k] - got[(i * t + j) * 384 + k]));
                        }
                    }
                }
                assertThat(worst).isLessThan(1e-4);
            }
        }
    }

    @Test
    void configSelectsOutputsAndDeclaresTheBatchDimension() throws Exception {
        ModelConfig config = ModelConfig.newBuilder().setName("raw").setMaxBatchSize(2)
                .addOutput(ModelOutput.newBuilder().setName("last_hidden_state").setDataType(DataType.TYPE_FP32)
                        .addDims(-1).addDims(384))
                .build();
        try (ServedModel m = new OnnxModelLoader().load(config, minilmDir, "1", TestEncoders.cpu())) {
            assertThat(m.maxBatchSize()).isEqualTo(2);
            assertThat(m.outputs()).singleElement().satisfies(s -> assertThat(s.shape()).containsExactly(-1, -1, 384));
            long[] one = {101, 2002, 102};
            long[] ones = {1, 1, 1};
            long[] zeros = {0, 0, 0};
            List<Tensor> out = m.infer(List.of(Tensor.int64("input_ids", new long[] {1, 3}, one),
                    Tensor.int64("attention_mask", new long[] {1, 3}, ones),
                    Tensor.int64("token_type_ids", new long[] {1, 3}, zeros)));
            assertThat(out).singleElement().satisfies(t -> assertThat(t.shape()).containsExactly(1, 3, 384));

            long[] three = new long[9];
            assertThatThrownBy(() -> m.infer(List.of(Tensor.int64("input_ids", new long[] {3, 3}, three),
                    Tensor.int64("attention_mask", new long[] {3, 3}, three),
                    Tensor.int64("token_type_ids", new long[] {3, 3}, three))))
                    .isInstanceOfSatisfying(ModelException.class, e -> {
                        assertThat(e.invalidInput()).isTrue();
                        assertThat(e.getMessage()).contains("max_batch_size 2");
                    });
        }
    }

    @Test
    void configThatDisagreesWithTheModelFailsTheLoad() {
        ModelConfig wrongName = ModelConfig.newBuilder().setName("raw")
                .addInput(ModelInput.newBuilder().setName("ids").setDataType(DataType.TYPE_INT64).addDims(-1)).build();
        assertThatThrownBy(() -> new OnnxModelLoader().load(wrongName, minilmDir, "1", TestEncoders.cpu()))
                .isInstanceOf(IOException.class).hasMessageContaining("'ids'").hasMessageContaining("input_ids");
        ModelConfig wrongType = ModelConfig.newBuilder().setName("raw")
                .addOutput(ModelOutput.newBuilder().setName("last_hidden_state").setDataType(DataType.TYPE_INT32))
                .build();
        assertThatThrownBy(() -> new OnnxModelLoader().load(wrongType, minilmDir, "1", TestEncoders.cpu()))
                .isInstanceOf(IOException.class).hasMessageContaining("TYPE_INT32").hasMessageContaining("FP32");
    }

    @Test
    void passesEveryTensorTypeThrough(@TempDir Path dir) throws Exception {
        Path version = dir.resolve("types").resolve("1");
        TinyOnnx.writeAllTypes(version.resolve("model.onnx"));
        try (ServedModel m = new OnnxModelLoader().load(ModelConfig.newBuilder().setName("types").setMaxBatchSize(8)
                .build(), version, "1", TestEncoders.cpu())) {
            Map<String, TensorType> types = m.inputs().stream()
                    .collect(Collectors.toMap(TensorSpec::name, TensorSpec::type));
            assertThat(types).containsEntry("f", TensorType.FP32).containsEntry("d", TensorType.FP64)
                    .containsEntry("i", TensorType.INT32).containsEntry("l", TensorType.INT64)
                    .containsEntry("b", TensorType.BOOL).containsEntry("s", TensorType.BYTES);
            assertThat(m.inputs().get(0).shape()).containsExactly(-1, 2);

            byte[][] strings = {"α".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8)};
            List<Tensor> out = m.infer(List.of(
                    Tensor.fp32("f", new long[] {2, 2}, new float[] {1.5f, -2f, 3f, 4f}),
                    new Tensor("d", TensorType.FP64, new long[] {2}, new double[] {Math.PI, -1e300}),
                    new Tensor("i", TensorType.INT32, new long[] {2}, new int[] {7, -8}),
                    Tensor.int64("l", new long[] {2}, new long[] {Long.MAX_VALUE, -1}),
                    new Tensor("b", TensorType.BOOL, new long[] {2}, new boolean[] {true, false}),
                    Tensor.bytes("s", new long[] {2}, strings)));
            Map<String, Tensor> byName = out.stream().collect(Collectors.toMap(Tensor::name, t -> t));
            assertThat((float[]) byName.get("f_out").data()).containsExactly(1.5f, -2f, 3f, 4f);
            assertThat(byName.get("f_out").shape()).containsExactly(2, 2);
            assertThat((double[]) byName.get("d_out").data()).containsExactly(Math.PI, -1e300);
            assertThat((int[]) byName.get("i_out").data()).containsExactly(-7, 8);
            assertThat((long[]) byName.get("l_out").data()).containsExactly(Long.MAX_VALUE, -1);
            assertThat((boolean[]) byName.get("b_out").data()).containsExactly(false, true);
            assertThat((byte[][]) byName.get("s_out").data()).isDeepEqualTo(strings);
            assertThat(byName.get("s_out").type()).isEqualTo(TensorType.BYTES);
        }
    }

    @Test
    void wrongInputsAreInvalidInputsWithClearMessages() {
        long[] shape = {1, 3};
        long[] v = {101, 2002, 102};
        assertThatThrownBy(() -> raw.infer(List.of(Tensor.int64("ids", shape, v))))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.invalidInput()).isTrue();
                    assertThat(e.getMessage()).contains("has no input 'ids'").contains("input_ids");
                });
        assertThatThrownBy(() -> raw.infer(List.of(Tensor.int64("input_ids", shape, v))))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.invalidInput()).isTrue();
                    assertThat(e.getMessage()).contains("missing inputs").contains("attention_mask");
                });
        assertThatThrownBy(() -> raw.infer(List.of(new Tensor("input_ids", TensorType.INT32, shape, new int[] {1, 2, 3}),
                Tensor.int64("attention_mask", shape, v), Tensor.int64("token_type_ids", shape, v))))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.getMessage())
                        .contains("'input_ids' has datatype INT32 but the model expects INT64"));
        assertThatThrownBy(() -> raw.infer(List.of(Tensor.int64("input_ids", new long[] {3}, v),
                Tensor.int64("attention_mask", shape, v), Tensor.int64("token_type_ids", shape, v))))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.getMessage())
                        .contains("shape [3]").contains("[-1, -1]"));
        assertThatThrownBy(() -> raw.infer(List.of(Tensor.int64("input_ids", new long[] {2, 3}, v),
                Tensor.int64("attention_mask", shape, v), Tensor.int64("token_type_ids", shape, v))))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.getMessage())
                        .contains("6 elements").contains("3 values"));
    }

    @Test
    void missingModelFileFailsTheLoadClearly(@TempDir Path dir) throws Exception {
        Path version = Files.createDirectories(dir.resolve("reranker").resolve("2"));
        assertThatThrownBy(() -> new OnnxModelLoader().load(ModelConfig.newBuilder().setName("reranker").build(),
                version, "2", TestEncoders.cpu()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("model.onnx").hasMessageContaining("reranker/2").hasMessageContaining("not found");
        Files.writeString(version.resolve("model.onnx"), "not an onnx model");
        assertThatThrownBy(() -> new OnnxModelLoader().load(ModelConfig.newBuilder().setName("reranker").build(),
                version, "2", TestEncoders.cpu()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("reranker/2").hasMessageContaining("cannot load");
    }

    @Test
    void bothKindsAreFoundThroughTheServiceLoader() {
        List<String> kinds = ServiceLoader.load(ModelLoader.class).stream()
                .map(p -> p.get().kind()).toList();
        assertThat(kinds).contains("onnx", "encoder");
    }

    private static long[] flat(long[][] rows) {
        int t = rows[0].length;
        long[] f = new long[rows.length * t];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, f, i * t, t);
        }
        return f;
    }
}
