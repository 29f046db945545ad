package io.linkrx.serving.generator;

import static io.linkrx.serving.onnxwriter.OnnxModelBuilder.FLOAT;
import static io.linkrx.serving.onnxwriter.OnnxModelBuilder.INT64;
import static io.linkrx.serving.onnxwriter.OnnxModelBuilder.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.TextFormat;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.config.ModelParameter;
import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.ModelLoader;
import io.linkrx.serving.model.RuntimeSettings;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.model.TensorType;
import io.linkrx.serving.onnxwriter.OnnxModelBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator as the sidecar serves it: found through the SPI, tensors in, tensors out. */
class GeneratorModelTest {
    private static final RuntimeSettings CPU = new RuntimeSettings("cpu", 0, 1, 1, "all", true);

    @TempDir
    Path tmp;

    private static ModelLoader generatorLoader() {
        for (ModelLoader l : ServiceLoader.load(ModelLoader.class)) {
            if (l.kind().equals("generator")) {
                return l;
            }
        }
        throw new AssertionError("no ModelLoader of kind generator registered in META-INF/services");
    }

    private static Tensor strings(String name, String... values) {
        byte[][] data = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            data[i] = values[i].getBytes(StandardCharsets.UTF_8);
        }
        return Tensor.bytes(name, new long[] {values.length}, data);
    }

    private static String[] text(Tensor t) {
        byte[][] d = (byte[][]) t.data();
        String[] s = new String[d.length];
        for (int i = 0; i < d.length; i++) {
            s[i] = new String(d[i], StandardCharsets.UTF_8);
        }
        return s;
    }

    private Path tinyRepository() throws Exception {
        Path kb = GeneratorTestData.copy("names.tsv", tmp.resolve("kb"));
        Path pairs = GeneratorTestData.copy("pairs.tsv", tmp.resolve("kb"));
        Path repo = tmp.resolve("repo");
        TinyDecoderBuilder.main(new String[] {"--names", kb.toString(), "--pairs", pairs.toString(),
            "--repository", repo.toString(), "--model", "linker", "--version", "3", "--beam-width", "4"});
        return repo;
    }

    private static ModelConfig readConfig(Path modelDir) throws Exception {
        ModelConfig.Builder b = ModelConfig.newBuilder();
        TextFormat.getParser().merge(Files.readString(modelDir.resolve("config.pbtxt")), b);
        return b.build();
    }

    @Test
    void servedThroughTheSpiWithWellFormedTensors() throws Exception {
        Path repo = tinyRepository();
        ModelConfig config = readConfig(repo.resolve("linker"));
        assertThat(config.getParametersMap().get("kind").getStringValue()).isEqualTo("generator");
        assertThat(Files.list(repo.resolve("linker/3")).map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
            .containsExactlyInAnyOrder("model.onnx", "vocab.txt", "names.tsv");

        try (ServedModel m = generatorLoader().load(config, repo.resolve("linker/3"), "3", CPU)) {
            assertThat(m.name()).isEqualTo("linker");
            assertThat(m.version()).isEqualTo("3");
            assertThat(m.device()).isEqualTo("cpu");
            assertThat(m.maxBatchSize()).isEqualTo(32);
            assertThat(m.inputs()).extracting(TensorSpec::name).containsExactly("PROMPT", "SEMANTIC_TYPE");
            assertThat(m.outputs()).extracting(TensorSpec::name).containsExactly("CONCEPT_ID", "NAME", "SCORE");
            assertThat(m.outputs().get(2).shape()).containsExactly(-1L, 4L);

            List<Tensor> out = m.infer(List.of(strings("PROMPT",
                "patient with high blood pressure hypertension", "started on metformin", "ms")));
            assertThat(out).extracting(Tensor::name).containsExactly("CONCEPT_ID", "NAME", "SCORE");
            assertThat(out.get(0).type()).isEqualTo(TensorType.BYTES);
            assertThat(out.get(1).type()).isEqualTo(TensorType.BYTES);
            assertThat(out.get(2).type()).isEqualTo(TensorType.FP32);
            for (Tensor t : out) {
                assertThat(t.shape()).containsExactly(3L, 4L);
                assertThat(t.elementCount()).isEqualTo(12);
            }
            String[] ids = text(out.get(0));
            String[] names = text(out.get(1));
            float[] scores = (float[]) out.get(2).data();
            assertThat(ids[0]).isEqualTo("D006973");
            assertThat(names[0]).isEqualTo("Hypertension");
            assertThat(ids[4]).isEqualTo("DB00331");
            assertThat(List.of(ids).subList(8, 12)).contains("D009103|D008946");   // one name, two concepts
            Set<String> kbNames = GeneratorTestData.names(tmp.resolve("check")).stream().map(KbName::name)
                .collect(Collectors.toSet());
            String table = java.util.stream.IntStream.range(0, 12)
                .mapToObj(c -> ids[c] + " " + names[c] + " " + scores[c]).collect(Collectors.joining("\n"));
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    int c = i * 4 + j;
                    if (names[c].isEmpty()) {   // fewer than K names reached: padding
                        assertThat(ids[c]).as(table).isEmpty();
                        assertThat(scores[c]).as(table).isEqualTo(Float.NEGATIVE_INFINITY);
                        assertThat(j).as(table).isPositive();
                    } else {
                        assertThat(kbNames).as(table).contains(names[c]);
                        assertThat(scores[c]).as(table).isFinite().isNegative();
                    }
                    if (j > 0) {
                        assertThat(scores[c]).as(table).isLessThanOrEqualTo(scores[c - 1]);
                    }
                }
            }
        }
    }

    @Test
    void semanticTypeInputFiltersAndPadsWhenFewerThanKNamesQualify() throws Exception {
        Path repo = tinyRepository();
        ModelConfig config = readConfig(repo.resolve("linker")).toBuilder()
            .putParameters("num_return", ModelParameter.newBuilder().setStringValue("6").build()).build();
        try (ServedModel m = generatorLoader().load(config, repo.resolve("linker/3"), "3", CPU)) {
            List<Tensor> out = m.infer(List.of(
                strings("PROMPT", "blood glucose 250", "type 2 diabetes on metformin", "metformin"),
                strings("SEMANTIC_TYPE", "Chemical", "drug", "")));
            String[] ids = text(out.get(0));
            float[] scores = (float[]) out.get(2).data();
            assertThat(out.get(0).shape()).containsExactly(3L, 6L);
            // 4 Chemical concepts in the KB: at least the last 2 of 6 cells are empty, scored -Infinity
            assertThat(ids[0]).isEqualTo("D001786");
            for (int j = 0; j < 6; j++) {
                if (ids[j].isEmpty()) {
                    assertThat(scores[j]).isEqualTo(Float.NEGATIVE_INFINITY);
                    assertThat(text(out.get(1))[j]).isEmpty();
                } else {
                    assertThat(ids[j]).isIn("D001786", "D005947", "D011188", "D003404");
                    assertThat(scores[j]).isFinite();
                }
            }
            assertThat(List.of(ids).subList(4, 6)).containsExactly("", "");
            assertThat(List.of(ids).subList(6, 12)).allSatisfy(id -> assertThat(id).matches("DB\\d+|"));
            assertThat(ids[6]).isEqualTo("DB00331");
            assertThat(ids[12]).isEqualTo("DB00331");
            assertThat(List.of(ids).subList(12, 18)).anySatisfy(id -> assertThat(id).startsWith("D0"));

            // one SEMANTIC_TYPE element applies to the whole batch; "|" separates several types
            List<Tensor> one = m.infer(List.of(strings("PROMPT", "aspirin", "heparin"), strings("SEMANTIC_TYPE", "Chemical|Drug")));
            assertThat(text(one.get(0))).allSatisfy(id -> assertThat(id).matches("DB.*|D001786|D005947|D011188|D003404|"));
        }
    }

    @Test
    void rejectsBadRequestsAsInvalidInput() throws Exception {
        Path repo = tinyRepository();
        try (ServedModel m = generatorLoader().load(readConfig(repo.resolve("linker")), repo.resolve("linker/3"), "3", CPU)) {
            assertThatThrownBy(() -> m.infer(List.of()))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.invalidInput()).isTrue());
            assertThatThrownBy(() -> m.infer(List.of(Tensor.fp32("PROMPT", new long[] {1}, new float[] {1f}))))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.invalidInput()).isTrue());
            assertThatThrownBy(() -> m.infer(List.of(strings("PROMPT", "a", "b"), strings("SEMANTIC_TYPE", "x", "y", "z"))))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.invalidInput()).isTrue());
            assertThatThrownBy(() -> m.infer(List.of(strings("PROMPT", "a"), strings("OTHER", "x"))))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.invalidInput()).isTrue());
            // [N, 1] prompts are fine (Triton clients often send them), and so is an empty batch
            Tensor column = new Tensor("PROMPT", TensorType.BYTES, new long[] {2, 1},
                new byte[][] {"hypertension".getBytes(StandardCharsets.UTF_8), "metformin".getBytes(StandardCharsets.UTF_8)});
            assertThat(text(m.infer(List.of(column)).get(0))[0]).isEqualTo("D006973");
            assertThat(m.infer(List.of(Tensor.bytes("PROMPT", new long[] {0}, new byte[0][]))).get(2).shape())
                .containsExactly(0L, 4L);
        }
    }

    @Test
    void theTrieConstrainsAnyDecoderEvenOneThatOnlyWantsUnk() throws Exception {
        // an adversarial "LM" written with OnnxModelBuilder: logits = Gather(M, input_ids), M prefers <unk> everywhere
        Path dir = tmp.resolve("adversarial/1");
        Files.createDirectories(dir);
        List<KbName> names = GeneratorTestData.names(tmp);
        Vocabulary vocab = new TinyDecoderBuilder(names, List.of()).build().vocabulary();
        vocab.write(dir.resolve("vocab.txt"));
        NamesTsv.write(dir.resolve("names.tsv"), names);
        int v = vocab.size();
        float[] m = new float[v * v];
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < v; j++) {
                m[i * v + j] = (j == vocab.unk() ? 50f : 0f) + (j == vocab.pad() ? 40f : 0f) - 0.01f * j;
            }
        }
        OnnxModelBuilder.graph("adversarial")
            .input("input_ids", INT64, "batch", "sequence")
            .output("logits", FLOAT, "batch", "sequence", v)
            .initializer("M", new long[] {v, v}, m)
            .node("Gather", List.of("M", "input_ids"), List.of("logits"), attr("axis", 0))
            .write(dir.resolve("model.onnx"));
        ModelConfig config = ModelConfig.newBuilder().setName("adversarial")
            .putParameters("kind", ModelParameter.newBuilder().setStringValue("generator").build())
            .putParameters("beam_width", ModelParameter.newBuilder().setStringValue("3").build()).build();
        try (ServedModel served = generatorLoader().load(config, dir, "1", CPU)) {
            GeneratorModel g = (GeneratorModel) served;
            int[] free = g.beamSearch().greedyUnconstrained("hypertension", 4, g.languageModel());
            assertThat(g.beamSearch().render(free)).isEqualTo("<unk> <unk> <unk> <unk>");
            List<Tensor> out = served.infer(List.of(strings("PROMPT", "hypertension", "anything at all")));
            Set<String> kbNames = names.stream().map(KbName::name).collect(Collectors.toSet());
            List<String> generated = new ArrayList<>(List.of(text(out.get(1))));
            assertThat(generated).hasSize(6).allSatisfy(n -> assertThat(kbNames).contains(n));
        }
    }

    @Test
    void loaderExplainsMissingFilesAndMismatchedVocabularies() throws Exception {
        Path repo = tinyRepository();
        Path version = repo.resolve("linker/3");
        ModelConfig config = readConfig(repo.resolve("linker"));
        Files.writeString(version.resolve("vocab-small.txt"), String.join("\n", Vocabulary.SPECIALS) + "\nhypertension\n");
        ModelConfig small = config.toBuilder()
            .putParameters("vocab_file", ModelParameter.newBuilder().setStringValue("vocab-small.txt").build()).build();
        assertThatThrownBy(() -> generatorLoader().load(small, version, "3", CPU))
            .isInstanceOf(java.io.IOException.class).hasMessageContaining("vocabulary has 6 tokens");
        Files.delete(version.resolve("names.tsv"));
        assertThatThrownBy(() -> generatorLoader().load(config, version, "3", CPU))
            .isInstanceOf(NoSuchFileException.class);
    }
}
