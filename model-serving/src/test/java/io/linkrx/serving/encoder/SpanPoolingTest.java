package io.linkrx.serving.encoder;

import static io.linkrx.serving.encoder.EncoderModelTest.cosine;
import static io.linkrx.serving.encoder.EncoderModelTest.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The encoder served with {@code spans} pooling: one contextual vector per char span the caller names. */
class SpanPoolingTest {
    static final String ID = "all-minilm-l6-v2";
    static EncoderModel words;

    @BeforeAll
    static void load() throws Exception {
        words = new EncoderModelLoader().loadEncoder(
                ShippedEncoders.config(ShippedEncoders.byId(ID), "words", Pooling.SPANS),
                TestEncoders.versionDir(ID), "1", TestEncoders.cpu());
    }

    @AfterAll
    static void close() {
        if (words != null) {
            words.close();
        }
    }

    @Test
    void givenSpanPooling_thenTheSignatureTakesSpansAndAnswersOneVectorPerSpan() {
        assertThat(words.inputs()).extracting(s -> s.name()).containsExactly("TEXT", "SPANS");
        assertThat(words.inputs().get(1).type()).isEqualTo(TensorType.INT32);
        assertThat(words.inputs().get(1).shape()).containsExactly(-1, -1, 2);
        assertThat(words.outputs()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("SPAN_EMBEDDING");
            assertThat(s.shape()).containsExactly(-1, -1, 384);
        });
    }

    @Test
    void givenAWordOfSeveralPieces_whenPooled_thenItIsTheNormalisedMeanOfItsPiecesStates() throws Exception {
        String text = "Tiapride hydrochloride caused dyskinesia.";
        int[][] spans = {{0, 8}, {9, 22}, {23, 29}, {30, 40}, {40, 41}};
        float[][] got = words.embedSpans(List.of(text), List.<int[][]>of(spans))[0];
        float[][] want = reference(text, spans);
        for (int w = 0; w < spans.length; w++) {
            assertThat(cosine(got[w], want[w])).as("span %d", w).isGreaterThan(0.9999);
            assertThat(norm(got[w])).isCloseTo(1.0, offset(1e-5));
        }
    }

    @Test
    void givenTheSameWordInTwoContexts_thenItsVectorsDiffer() throws Exception {
        float[][][] v = words.embedSpans(List.of("She caught a common cold last week.", "Drink a glass of cold water."),
                List.of(new int[][] {{20, 24}}, new int[][] {{17, 21}}));
        assertThat(cosine(v[0][0], v[1][0])).isLessThan(0.9);
    }

    @Test
    void givenBatchMatesWithOtherLengths_thenAVectorIsTheSameAsAlone() throws Exception {
        List<String> texts = List.of("Cisplatin nephrotoxicity.", "No evidence of pneumonia on chest X-ray; denies fever.");
        int[][] first = {{0, 9}, {10, 24}};
        int[][] second = {{15, 24}, {48, 53}, {0, 2}};
        float[][][] together = words.embedSpans(texts, List.of(first, second));
        float[][] alone = words.embedSpans(List.of(texts.get(0)), List.<int[][]>of(first))[0];
        assertThat(together[0].length).isEqualTo(2);
        for (int w = 0; w < first.length; w++) {
            assertThat(cosine(together[0][w], alone[w])).isGreaterThan(0.99999);
        }
    }

    @Test
    void givenEmptyOrUncoveredSpans_thenTheirVectorsAreZero_andOffsetsAreJavaCharIndexes() throws Exception {
        String text = "\uD83D\uDE00 aspirin";  // an emoji is two Java chars but one code point to the tokenizer
        float[][] v = words.embedSpans(List.of(text), List.<int[][]>of(new int[][] {{3, 10}, {2, 3}, {5, 5}, {50, 60}}))[0];
        assertThat(norm(v[0])).isCloseTo(1.0, offset(1e-5));
        assertThat(cosine(v[0], reference(text, new int[][] {{3, 10}})[0])).isGreaterThan(0.9999);
        for (int w = 1; w < 4; w++) {
            assertThat(norm(v[w])).as("span %d", w).isZero();
        }
    }

    @Test
    void givenMalformedSpans_thenTheCallIsAnInvalidInput() {
        byte[][] texts = {"patient Secretname".getBytes(StandardCharsets.UTF_8)};
        assertThatThrownBy(() -> words.infer(List.of(Tensor.bytes("TEXT", new long[] {1}, texts),
                new Tensor("SPANS", TensorType.INT32, new long[] {1, 3}, new int[3]))))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.invalidInput()).isTrue();
                    assertThat(e.getMessage()).contains("SPANS").doesNotContain("Secretname");
                });
        assertThatThrownBy(() -> words.infer(List.of(Tensor.bytes("TEXT", new long[] {1}, texts))))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.getMessage()).contains("SPANS"));
    }

    /** Direct ONNX Runtime: the normalised mean of the states of the pieces whose code-point span overlaps. */
    private static float[][] reference(String text, int[][] spans) throws Exception {
        Path dir = TestEncoders.versionDir(ID);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(dir.resolve("tokenizer.json"),
                Map.of("padding", "false", "truncation", "true", "maxLength", "256"));
             OrtSession session = env.createSession(dir.resolve("model.onnx").toString(), new OrtSession.SessionOptions())) {
            Encoding e = tok.encode(text);
            Map<String, OnnxTensor> feed = Map.of(
                    "input_ids", OnnxTensor.createTensor(env, new long[][] {e.getIds()}),
                    "attention_mask", OnnxTensor.createTensor(env, new long[][] {e.getAttentionMask()}),
                    "token_type_ids", OnnxTensor.createTensor(env, new long[][] {e.getTypeIds()}));
            float[][] states;
            try (OrtSession.Result r = session.run(feed)) {
                states = ((float[][][]) r.get("last_hidden_state").orElseThrow().getValue())[0];
            } finally {
                feed.values().forEach(OnnxTensor::close);
            }
            float[][] out = new float[spans.length][states[0].length];
            for (int w = 0; w < spans.length; w++) {
                int begin = text.codePointCount(0, spans[w][0]);
                int end = text.codePointCount(0, spans[w][1]);
                for (int j = 0; j < states.length; j++) {
                    var s = e.getCharTokenSpans()[j];
                    if (s != null && e.getSpecialTokenMask()[j] == 0 && s.getStart() < end && s.getEnd() > begin) {
                        for (int k = 0; k < states[j].length; k++) {
                            out[w][k] += states[j][k];
                        }
                    }
                }
            }
            return out; // cosine ignores scale
        }
    }
}
