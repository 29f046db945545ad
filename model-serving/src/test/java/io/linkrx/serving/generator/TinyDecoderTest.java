package io.linkrx.serving.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.linkrx.serving.model.RuntimeSettings;
import io.linkrx.serving.onnxwriter.proto.TensorProto;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiny decoder built from 30 real MeSH/DrugBank concepts, run by ONNX Runtime, decoded under the trie. */
class TinyDecoderTest {
    @TempDir
    static Path tmp;

    static List<KbName> names;
    static TinyDecoderBuilder.Built built;
    static GeneratorModel model;

    @BeforeAll
    static void build() throws Exception {
        names = GeneratorTestData.names(tmp);
        Path version = tmp.resolve("repo/generator/1");
        built = new TinyDecoderBuilder(names, GeneratorTestData.pairs(tmp)).writeVersionDir(version);
        model = (GeneratorModel) new GeneratorModelLoader().load(TinyDecoderBuilder.config("generator", 5, 5, true),
            version, "1", new RuntimeSettings("cpu", 0, 1, 1, "all", true));
    }

    private static List<ConstrainedBeamSearch.Hit> link(String prompt, String... types) throws Exception {
        return model.beamSearch().search(List.of(new ConstrainedBeamSearch.Query(prompt,
            model.trie().filter(List.of(types)))), model.languageModel()).get(0);
    }

    @Test
    void buildsAVocabularyWithTheSpecialTokensFirst() {
        Vocabulary v = built.vocabulary();
        assertThat(v.tokens().subList(0, 5)).containsExactly("<pad>", "<bos>", "<eos>", "<unk>", "<sep>");
        assertThat(v.idOrMinusOne("hypertension")).isPositive();
        assertThat(v.idOrMinusOne("bp")).isPositive();                   // from a training mention
        assertThat(built.unusedPairs()).extracting(TinyDecoderBuilder.TrainingPair::name)
            .containsExactly("Not A Name In The KB");
        assertThat(model.trie().nameCount()).isEqualTo(names.size());
        assertThat(model.trie().skipped()).isEmpty();
    }

    @Test
    void onnxRuntimeComputesExactlyTheDocumentedLogits() throws Exception {
        Vocabulary v = built.vocabulary();
        int n = v.size();
        Map<String, float[]> init = built.model().getGraph().getInitializerList().stream()
            .filter(t -> t.getDataType() == TensorProto.DataType.FLOAT_VALUE && t.getDimsCount() == 2)
            .collect(Collectors.toMap(TensorProto::getName, t -> {
                FloatBuffer fb = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                float[] a = new float[fb.remaining()];
                fb.get(a);
                return a;
            }));
        float[] w = init.get("bigram_log_prob");
        float[] a = init.get("prompt_association");
        float[] known = init.get("known_word");
        long[] seq = model.beamSearch().promptPrefix("Patient with high blood pressure, hypertension; zzz");
        long[] full = java.util.Arrays.copyOf(seq, seq.length + 2);
        full[seq.length] = v.id("high");
        full[seq.length + 1] = v.id("blood");

        float[][][] logits;
        try (OrtSession s = OrtEnvironment.getEnvironment().createSession(built.model().toByteArray());
             OnnxTensor ids = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), new long[][] {full});
             OrtSession.Result r = s.run(Map.of("input_ids", ids))) {
            logits = (float[][][]) r.get(0).getValue();
        }
        assertThat(logits[0]).hasNumberOfRows(full.length);
        // reference, in plain Java, of the graph in TinyDecoderBuilder's documentation
        boolean[] bow = new boolean[n];
        boolean seenSep = false;
        for (int t = 0; t < full.length; t++) {
            int u = (int) full[t];
            seenSep |= u == v.sep();
            if (!seenSep) {
                bow[u] = true;
            }
            double size = 0;
            for (int x = 0; x < n; x++) {
                size += bow[x] ? known[x] : 0;
            }
            size = Math.max(size, 1);
            for (int x = 0; x < n; x++) {
                double assoc = 0;
                for (int y = 0; y < n; y++) {
                    assoc += bow[y] ? a[y * n + x] : 0;
                }
                double expected = w[u * n + x]
                    + TinyDecoderBuilder.DEFAULT_ALPHA * Math.log(assoc / size + TinyDecoderBuilder.EPSILON);
                assertThat((double) logits[0][t][x]).as("t=%d v=%s", t, v.token(x)).isCloseTo(expected, within(1e-4));
            }
        }
    }

    @Test
    void highBloodPressurePromptLinksToHypertension() throws Exception {
        List<ConstrainedBeamSearch.Hit> hits = link("patient with high blood pressure hypertension");
        assertThat(hits.get(0).conceptIds()).containsExactly("D006973");
        assertThat(hits.get(0).name()).isEqualTo("Hypertension");
    }

    @Test
    void promptConditioningPicksTheMentionedConcept() throws Exception {
        assertThat(link("metformin").get(0).conceptIds()).containsExactly("DB00331");
        assertThat(link("heart attack").get(0).conceptIds()).containsExactly("D009203");
        assertThat(link("multiple sclerosis").get(0).conceptIds()).containsExactly("D009103");
        assertThat(link("leaky mitral valve").get(0).conceptIds()).containsExactly("D008944");   // a training pair
        assertThat(link("raised bp").get(0).conceptIds()).containsExactly("D006973");            // a training pair
        // the ambiguous abbreviation maps to both of its concepts
        assertThat(link("ms").stream().map(ConstrainedBeamSearch.Hit::conceptIds))
            .contains(List.of("D009103", "D008946"));
    }

    @Test
    void everyGeneratedNameIsAnExactKbNameWhileTheFreeArgmaxIsNot() throws Exception {
        Set<String> kbNames = names.stream().map(KbName::name).collect(Collectors.toSet());
        ConstrainedBeamSearch s = model.beamSearch();
        // unconstrained greedy decoding of the same model writes a name that is not in the KB
        int[] free = s.greedyUnconstrained("mitral stenosis", 10, model.languageModel());
        assertThat(s.render(free)).isEqualTo("mitral valve");
        assertThat(model.trie().isName(free)).isFalse();
        assertThat(link("mitral stenosis").get(0).name()).isEqualTo("Mitral Valve Stenosis");

        for (String prompt : List.of("mitral stenosis", "patient with high blood pressure hypertension",
            "type 2 diabetes on metformin", "chest pain", "zzz unknown words only", "", "afib", "blood glucose")) {
            List<ConstrainedBeamSearch.Hit> hits = link(prompt);
            assertThat(hits).as(prompt).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            for (ConstrainedBeamSearch.Hit h : hits) {
                assertThat(kbNames).as(prompt).contains(h.name());
                assertThat(model.trie().isName(h.tokens())).isTrue();
                assertThat(names).as(prompt).contains(new KbName(h.conceptIds().get(0),
                    names.stream().filter(k -> k.conceptId().equals(h.conceptIds().get(0))).findFirst().orElseThrow()
                        .semanticType(), h.name()));
            }
        }
    }

    @Test
    void beamResultsAreSortedByScore() throws Exception {
        for (String prompt : List.of("hypertension", "type 2 diabetes on metformin", "blood glucose")) {
            List<ConstrainedBeamSearch.Hit> hits = link(prompt);
            for (int i = 1; i < hits.size(); i++) {
                assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
            }
        }
    }

    @Test
    void semanticTypeFilteringRestrictsTheOutputs() throws Exception {
        Map<String, String> typeOf = names.stream()
            .collect(Collectors.toMap(KbName::conceptId, KbName::semanticType, (x, y) -> x));
        List<ConstrainedBeamSearch.Hit> drugs = link("type 2 diabetes on metformin", "Drug");
        assertThat(drugs.get(0).conceptIds()).containsExactly("DB00331");
        assertThat(drugs).allSatisfy(h -> assertThat(typeOf.get(h.conceptIds().get(0))).isEqualTo("Drug"));
        List<ConstrainedBeamSearch.Hit> diseases = link("metformin", "Disease");
        assertThat(diseases).isNotEmpty()
            .allSatisfy(h -> assertThat(typeOf.get(h.conceptIds().get(0))).isEqualTo("Disease"));
        List<ConstrainedBeamSearch.Hit> chemicals = link("blood glucose", "Chemical");
        assertThat(chemicals.get(0).conceptIds()).containsExactly("D001786");
        assertThat(chemicals).hasSizeLessThanOrEqualTo(4)   // the KB has 4 Chemical concepts
            .allSatisfy(h -> assertThat(typeOf.get(h.conceptIds().get(0))).isEqualTo("Chemical"));
        assertThat(link("metformin", "Procedure")).isEmpty();
    }
}
