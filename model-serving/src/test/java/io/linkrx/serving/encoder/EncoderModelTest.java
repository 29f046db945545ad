package io.linkrx.serving.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.config.ModelParameter;
import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderModelTest {
    static final List<String> SENTENCES = List.of(
            "Patient admitted with acute myocardial infarction.",
            "heart attack",
            "Metformin 500 mg twice daily for type 2 diabetes mellitus.",
            "No evidence of pneumonia on chest X-ray; denies fever or cough.",
            "BP 142/91, HR 88 — started lisinopril (ACE inhibitor) for hypertension.",
            "Allergic to penicillin: rash and hives after amoxicillin in 2019.",
            "a",
            "");

    static EncoderModel minilm;
    static EncoderModel bge;

    @BeforeAll
    static void load() throws IOException {
        minilm = TestEncoders.load("all-minilm-l6-v2");
        bge = TestEncoders.load("bge-small-en-v15");
    }

    @AfterAll
    static void close() {
        if (minilm != null) {
            minilm.close();
        }
        if (bge != null) {
            bge.close();
        }
    }

    @Test
    void servedSignature() {
        assertThat(minilm.name()).isEqualTo("all-minilm-l6-v2");
        assertThat(minilm.version()).isEqualTo("1");
        assertThat(minilm.platform()).isEqualTo("onnxruntime_onnx");
        assertThat(minilm.device()).isEqualTo("cpu");
        assertThat(minilm.maxBatchSize()).isEqualTo(ShippedEncoders.MAX_BATCH_SIZE);
        assertThat(minilm.inputs()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("TEXT");
            assertThat(s.type()).isEqualTo(TensorType.BYTES);
            assertThat(s.shape()).containsExactly(-1);
        });
        assertThat(minilm.outputs()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("EMBEDDING");
            assertThat(s.type()).isEqualTo(TensorType.FP32);
            assertThat(s.shape()).containsExactly(-1, 384);
        });
        assertThat(minilm.settings().pooling()).isEqualTo(Pooling.MEAN);
        assertThat(bge.settings().pooling()).isEqualTo(Pooling.CLS);
    }

    @Test
    void minilmMatchesDirectOnnxRuntimeWithMeanPooling() throws Exception {
        assertMatchesReference("all-minilm-l6-v2", minilm, false);
    }

    @Test
    void bgeMatchesDirectOnnxRuntimeWithClsPooling() throws Exception {
        assertMatchesReference("bge-small-en-v15", bge, true);
    }

    private static void assertMatchesReference(String id, EncoderModel served, boolean cls) throws Exception {
        float[][] got = served.embed(SENTENCES);
        float[][] want = Reference.embed(TestEncoders.versionDir(id), SENTENCES, cls);
        double min = 1;
        double worst = 0;
        for (int i = 0; i < SENTENCES.size(); i++) {
            for (int k = 0; k < got[i].length; k++) {
                worst = Math.max(worst, Math.abs(got[i][k] - want[i][k]));
            }
            double cos = cosine(got[i], want[i]);
            min = Math.min(min, cos);
            assertThat(cos).as("cosine of sentence %d", i).isGreaterThanOrEqualTo(0.999);
            assertThat(norm(got[i])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
        System.out.printf("[cosine] %s (%s pooling) vs direct ONNX Runtime: min %.9f, max |diff| %.2e over %d sentences%n",
                id, cls ? "cls" : "mean", min, worst, SENTENCES.size());
    }

    @Test
    void batchedEqualsSingle() throws Exception {
        for (EncoderModel m : List.of(minilm, bge)) {
            float[][] batch = m.embed(SENTENCES);
            double worst = 0;
            for (int i = 0; i < SENTENCES.size(); i++) {
                float[] single = m.embed(List.of(SENTENCES.get(i)))[0];
                for (int k = 0; k < single.length; k++) {
                    worst = Math.max(worst, Math.abs(single[k] - batch[i][k]));
                }
            }
            System.out.printf("[padding] %s: max |batch - single| = %.2e%n", m.name(), worst);
            assertThat(worst).as(m.name()).isLessThanOrEqualTo(1e-5);
        }
    }

    @Test
    void servesThroughTheTensorInterfaceInBatchOrder() throws Exception {
        byte[][] raw = SENTENCES.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        List<Tensor> out = minilm.infer(List.of(Tensor.bytes("TEXT", new long[] {raw.length}, raw)));
        assertThat(out).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("EMBEDDING");
            assertThat(t.type()).isEqualTo(TensorType.FP32);
            assertThat(t.shape()).containsExactly(SENTENCES.size(), 384);
        });
        float[] flat = (float[]) out.get(0).data();
        float[][] rows = minilm.embed(SENTENCES);
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < 384; k++) {
                assertThat(flat[i * 384 + k]).isEqualTo(rows[i][k]);
            }
        }
        // [batch, 1] is accepted as well; an empty batch answers [0, 384]
        List<Tensor> column = minilm.infer(List.of(Tensor.bytes("TEXT", new long[] {raw.length, 1}, raw)));
        assertThat(column.get(0).shape()).containsExactly(SENTENCES.size(), 384);
        List<Tensor> empty = minilm.infer(List.of(Tensor.bytes("TEXT", new long[] {0}, new byte[0][])));
        assertThat(empty.get(0).shape()).containsExactly(0, 384);
    }

    @Test
    void embeddingsAreSemanticallySensible() throws Exception {
        for (EncoderModel m : List.of(minilm, bge)) {
            float[][] e = m.embed(List.of("heart attack", "myocardial infarction", "banana bread recipe"));
            assertThat(cosine(e[0], e[1])).as(m.name()).isGreaterThan(cosine(e[0], e[2]) + 0.1);
        }
    }

    @Test
    void truncatesToMaxLength(@TempDir Path dir) throws Exception {
        Path version = copyOf("all-minilm-l6-v2", dir);
        ModelConfig config = TestEncoders.config("all-minilm-l6-v2").toBuilder()
                .putParameters("max_length", ModelParameter.newBuilder().setStringValue("8").build()).build();
        try (EncoderModel m = new EncoderModelLoader().loadEncoder(config, version, "1", TestEncoders.cpu())) {
            // [CLS] + 6 word pieces + [SEP]: only the first six words count
            float[][] e = m.embed(List.of("one two three four five six seven eight nine",
                    "one two three four five six completely different ending here"));
            assertThat(cosine(e[0], e[1])).isGreaterThan(0.99999);
            float[][] longText = m.embed(List.of("word ".repeat(5000)));
            assertThat(norm(longText[0])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
        // the default (256) keeps them apart, and a 5000-word text still works
        float[][] e = minilm.embed(List.of("one two three four five six seven eight nine",
                "one two three four five six completely different ending here", "word ".repeat(5000)));
        assertThat(cosine(e[0], e[1])).isLessThan(0.999);
    }

    @Test
    void otherShippedEncodersLoadAndEmbed() throws Exception {
        for (String id : List.of("all-minilm-l6-v2-q", "e5-small-v2")) {
            try (EncoderModel m = TestEncoders.load(id)) {
                float[][] e = m.embed(List.of("heart attack", "myocardial infarction", "banana bread recipe"));
                assertThat(e[0]).hasSize(384);
                assertThat(norm(e[0])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
                assertThat(cosine(e[0], e[1])).as(id).isGreaterThan(cosine(e[0], e[2]));
            }
        }
        // the int8 model stays close to the fp32 one
        try (EncoderModel q = TestEncoders.load("all-minilm-l6-v2-q")) {
            float[][] a = q.embed(SENTENCES.subList(0, 6));
            float[][] b = minilm.embed(SENTENCES.subList(0, 6));
            for (int i = 0; i < a.length; i++) {
                assertThat(cosine(a[i], b[i])).isGreaterThan(0.9);
            }
        }
    }

    @Test
    void badUtf8IsAnInvalidInputWhoseMessageHidesTheText() {
        byte[] secret = "patient John Q. Secretname".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[secret.length + 2];
        System.arraycopy(secret, 0, bad, 0, secret.length);
        bad[secret.length] = (byte) 0xC3; // truncated two-byte sequence
        bad[secret.length + 1] = (byte) 0x28;
        byte[][] texts = {"fine".getBytes(StandardCharsets.UTF_8), bad};
        assertThatThrownBy(() -> minilm.infer(List.of(Tensor.bytes("TEXT", new long[] {2}, texts))))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.invalidInput()).isTrue();
                    assertThat(e.getMessage()).contains("TEXT").contains("element 1").contains("UTF-8")
                            .doesNotContain("Secretname").doesNotContain("John");
                });
    }

    @Test
    void wrongInputsAreInvalidInputsWithoutTheirText() {
        byte[][] texts = {"patient Secretname".getBytes(StandardCharsets.UTF_8)};
        assertThatThrownBy(() -> minilm.infer(List.of(Tensor.bytes("INPUT0", new long[] {1}, texts))))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.invalidInput()).isTrue();
                    assertThat(e.getMessage()).contains("'TEXT'").contains("INPUT0").doesNotContain("Secretname");
                });
        assertThatThrownBy(() -> minilm.infer(List.of(Tensor.fp32("TEXT", new long[] {1}, new float[] {1f}))))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.invalidInput()).isTrue();
                    assertThat(e.getMessage()).contains("BYTES");
                });
        assertThatThrownBy(() -> minilm.infer(List.of(Tensor.bytes("TEXT", new long[] {3}, texts))))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.getMessage()).contains("3 elements"));
        byte[][] tooMany = new byte[ShippedEncoders.MAX_BATCH_SIZE + 1][];
        java.util.Arrays.fill(tooMany, "x".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> minilm.infer(List.of(Tensor.bytes("TEXT", new long[] {tooMany.length}, tooMany))))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.getMessage()).contains("max_batch_size"));
    }

    @Test
    void missingFilesFailTheLoadClearly(@TempDir Path dir) throws Exception {
        Path version = Files.createDirectories(dir.resolve("enc").resolve("3"));
        Files.copy(TestEncoders.versionDir("all-minilm-l6-v2").resolve("tokenizer.json"),
                version.resolve("tokenizer.json"));
        ModelConfig config = TestEncoders.config("all-minilm-l6-v2").toBuilder().setName("enc").build();
        assertThatThrownBy(() -> new EncoderModelLoader().load(config, version, "3", TestEncoders.cpu()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("model.onnx").hasMessageContaining("enc/3").hasMessageContaining("not found");
        Files.delete(version.resolve("tokenizer.json"));
        Files.copy(TestEncoders.versionDir("all-minilm-l6-v2-q").resolve("model.onnx"), version.resolve("model.onnx"));
        assertThatThrownBy(() -> new EncoderModelLoader().load(config, version, "3", TestEncoders.cpu()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("tokenizer.json").hasMessageContaining("not found");
    }

    @Test
    void badConfigParametersFailTheLoadClearly(@TempDir Path dir) throws Exception {
        Path version = copyOf("all-minilm-l6-v2-q", dir);
        ModelConfig base = TestEncoders.config("all-minilm-l6-v2-q");
        ModelConfig badPooling = base.toBuilder()
                .putParameters("pooling", ModelParameter.newBuilder().setStringValue("max").build()).build();
        assertThatThrownBy(() -> new EncoderModelLoader().load(badPooling, version, "1", TestEncoders.cpu()))
                .isInstanceOf(IOException.class).hasMessageContaining("pooling 'max'");
        ModelConfig badOutput = base.toBuilder()
                .putParameters("output", ModelParameter.newBuilder().setStringValue("pooler_output").build()).build();
        assertThatThrownBy(() -> new EncoderModelLoader().load(badOutput, version, "1", TestEncoders.cpu()))
                .isInstanceOf(IOException.class).hasMessageContaining("'pooler_output'")
                .hasMessageContaining("last_hidden_state");
    }

    @Test
    void unloadedModelRefusesCalls() throws Exception {
        EncoderModel m = TestEncoders.load("all-minilm-l6-v2-q");
        m.close();
        m.close(); // idempotent
        assertThatThrownBy(() -> m.embed(List.of("x")))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.invalidInput()).isFalse();
                    assertThat(e.getMessage()).contains("unloaded");
                });
    }

    @Test
    void servedThroughTheServiceLoader() throws Exception {
        ServedModel m = java.util.ServiceLoader.load(io.linkrx.serving.model.ModelLoader.class).stream()
                .map(java.util.ServiceLoader.Provider::get)
                .filter(l -> l.kind().equals(TestEncoders.config("all-minilm-l6-v2-q").getParametersOrThrow("kind")
                        .getStringValue()))
                .findFirst().orElseThrow()
                .load(TestEncoders.config("all-minilm-l6-v2-q"), TestEncoders.versionDir("all-minilm-l6-v2-q"), "1",
                        TestEncoders.cpu());
        try (m) {
            assertThat(m).isInstanceOf(EncoderModel.class);
            assertThat(m.outputs().get(0).shape()).containsExactly(-1, 384);
        }
    }

    private static Path copyOf(String id, Path dir) throws IOException {
        Path version = Files.createDirectories(dir.resolve(id).resolve("1"));
        for (String f : List.of("model.onnx", "tokenizer.json")) {
            Files.copy(TestEncoders.versionDir(id).resolve(f), version.resolve(f));
        }
        return version;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static double norm(float[] a) {
        double s = 0;
        for (float x : a) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * The straightforward way: one text at a time (no padding), the tokenizer and ONNX Runtime called directly,
     * pooled in double precision, normalised.
     */
    static final class Reference {
        static float[][] embed(Path versionDir, List<String> texts, boolean cls) throws Exception {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            Map<String, String> opts = Map.of("padding", "false", "truncation", "true", "maxLength", "512");
            try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(versionDir.resolve("tokenizer.json"), opts);
                 OrtSession.SessionOptions so = new OrtSession.SessionOptions();
                 OrtSession session = env.createSession(versionDir.resolve("model.onnx").toString(), so)) {
                List<float[]> out = new ArrayList<>();
                for (String text : texts) {
                    Encoding e = tok.encode(text);
                    long[][] ids = {e.getIds()};
                    long[][] mask = {e.getAttentionMask()};
                    long[][] types = {e.getTypeIds()};
                    Map<String, OnnxTensor> feed = new HashMap<>();
                    feed.put("input_ids", OnnxTensor.createTensor(env, ids));
                    if (session.getInputNames().contains("attention_mask")) {
                        feed.put("attention_mask", OnnxTensor.createTensor(env, mask));
                    }
                    if (session.getInputNames().contains("token_type_ids")) {
                        feed.put("token_type_ids", OnnxTensor.createTensor(env, types));
                    }
                    try (OrtSession.Result r = session.run(feed)) {
                        float[][] states = ((float[][][]) r.get("last_hidden_state").orElseThrow().getValue())[0];
                        double[] v = new double[states[0].length];
                        if (cls) {
                            for (int k = 0; k < v.length; k++) {
                                v[k] = states[0][k];
                            }
                        } else {
                            for (float[] token : states) {
                                for (int k = 0; k < v.length; k++) {
                                    v[k] += token[k] / states.length;
                                }
                            }
                        }
                        double n = 0;
                        for (double x : v) {
                            n += x * x;
                        }
                        n = Math.sqrt(n);
                        float[] f = new float[v.length];
                        for (int k = 0; k < v.length; k++) {
                            f[k] = (float) (v[k] / n);
                        }
                        out.add(f);
                    } finally {
                        feed.values().forEach(OnnxTensor::close);
                    }
                }
                return out.toArray(float[][]::new);
            }
        }
    }
}
