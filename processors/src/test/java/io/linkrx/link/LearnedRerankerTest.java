package io.linkrx.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.assertion.Assertion;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;
import io.linkrx.rerank.MentionCandidates;
import io.linkrx.rerank.RerankResult;
import io.linkrx.retrieve.Candidate;
import io.linkrx.retrieve.LexicalCandidateRetriever;
import io.linkrx.serving.client.InferenceException;

class LearnedRerankerTest {
    private static final String NOTE = "History of type 2 diabetes mellitus (T2DM) and chronic renal failure. T2DM well controlled.";
    private final MentionDictionary dictionary = new MentionDictionary();

    /** Scores a candidate by its exact-name-or-expansion feature: what a trained model learns first. */
    private final CandidateScorer exactFirst = new CandidateScorer() {
        @Override
        public double[] score(float[][] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = 0.9 * rows[i][LinkingFeatures.NAMES.indexOf("exact_expansion")]
                        + 0.1 * rows[i][LinkingFeatures.NAMES.indexOf("sim_expansion")];
            }
            return out;
        }

        @Override
        public String modelVersion() {
            return "reranker@7";
        }
    };

    @Test
    void givenRetrievedCandidatesOfANoteWhenRerankedThenTheNoteDefinedAbbreviationIsLinked() {
        List<MentionCandidates> input = candidates();

        RerankResult result = new LearnedReranker(LinkingTestKb.KB, dictionary, exactFirst, 0.3).rerank(NOTE, input);

        assertThat(result.degraded()).isFalse();
        assertThat(result.modelVersion()).isEqualTo("reranker@7");
        assertThat(result.mentions()).hasSize(2);
        assertThat(result.mentions().get(0).best().orElseThrow().conceptId())
                .as("T2DM, defined in the note").isEqualTo("D003924");
        assertThat(result.mentions().get(1).best().orElseThrow().conceptId()).isEqualTo("D007676");
        assertThat(result.mentions().get(0).ranked()).isSortedAccordingTo(
                (a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void givenACoordinatedMentionWhenRerankedThenEachConjunctIsRetrievedAndTheLinkIsComposite() {
        String note = "Family history of breast and ovarian cancer.";
        int at = note.indexOf("breast");
        Mention mention = new Mention(at, at + 25, "breast and ovarian cancer", SemanticType.DISEASE, Assertion.PRESENT,
                null);
        RerankerVersions versions = RerankerVersions.fixed(LinkingTestKb.KB, dictionary, exactFirst, generator());

        RerankResult result = new LearnedReranker(versions, 0.3, () -> { })
                .rerank(note, List.of(new MentionCandidates(mention, List.of())));

        assertThat(result.mentions().get(0).composite()).extracting(Candidate::conceptId)
                .containsExactly("D001943", "D010051");
        assertThat(result.mentions().get(0).composite()).allSatisfy(c -> assertThat(c.score()).isGreaterThan(0.3));
    }

    @Test
    void givenATextTheDictionaryKnowsAsCompositeWhenRerankedThenTheLinkIsThatComposite() {
        dictionary.addComposite("train-1", "chronic renal failure", List.of("D007676", "D003924"));

        RerankResult result = new LearnedReranker(LinkingTestKb.KB, dictionary, exactFirst, 0.05).rerank(NOTE,
                candidates());

        assertThat(result.mentions().get(1).best().orElseThrow().conceptId()).isEqualTo("D007676");
        assertThat(result.mentions().get(1).composite()).extracting(Candidate::conceptId)
                .containsExactly("D007676", "D003924");
        assertThat(result.mentions().get(0).composite()).as("T2DM has no composite").isEmpty();
    }

    @Test
    void givenAShortFormOfAMentionWrittenOutInTheNoteWhenRerankedThenItTakesThatMentionsLink() {
        String note = "Chronic kidney failure since 2019; CKF stable.";
        int ckf = note.indexOf("CKF");
        List<Mention> mentions = List.of(
                new Mention(0, 22, "Chronic kidney failure", SemanticType.DISEASE, Assertion.PRESENT, null),
                new Mention(ckf, ckf + 3, "CKF", SemanticType.DISEASE, Assertion.PRESENT, null));
        List<List<Candidate>> found = new NoteCandidateGenerator(generator(), LinkingTestKb.KB, Integer.MAX_VALUE)
                .retrieve(note, mentions);
        CandidateScorer bySimilarity = CandidateScorer.perRow("reranker@7",
                row -> row[LinkingFeatures.NAMES.indexOf("sim_best")]);

        RerankResult result = new LearnedReranker(LinkingTestKb.KB, dictionary, bySimilarity, 0.3).rerank(note,
                List.of(new MentionCandidates(mentions.get(0), found.get(0)),
                        new MentionCandidates(mentions.get(1), found.get(1))));

        assertThat(result.mentions().get(1).mention().text()).isEqualTo("CKF");
        assertThat(result.mentions().get(1).nil()).isFalse();
        assertThat(result.mentions().get(1).best().orElseThrow().conceptId()).isEqualTo("D007676");
    }

    @Test
    void givenTheSidecarFailsWhenRerankedThenRetrievalOrderMarkedDegraded() {
        CandidateScorer down = new CandidateScorer() {
            @Override
            public double[] score(float[][] rows) {
                throw InferenceException.badResponse("reranker", "sidecar down");
            }

            @Override
            public String modelVersion() {
                return "reranker@7";
            }
        };

        RerankResult result = new LearnedReranker(LinkingTestKb.KB, dictionary, down, 0.3).rerank(NOTE, candidates());

        assertThat(result.degraded()).isTrue();
        assertThat(result.mentions()).hasSize(2);
    }

    private CandidateGenerator generator() {
        return new CandidateGenerator(new LexicalCandidateRetriever(LinkingTestKb.KB), dictionary, 5);
    }

    /** What the retrieval stage sends: note-aware candidates with lexical and dense evidence. */
    private List<MentionCandidates> candidates() {
        NoteCandidateGenerator generator = new NoteCandidateGenerator(generator(), LinkingTestKb.KB, Integer.MAX_VALUE);
        int t2dm = NOTE.lastIndexOf("T2DM");
        int crf = NOTE.indexOf("chronic renal failure");
        List<Mention> mentions = List.of(
                new Mention(t2dm, t2dm + 4, "T2DM", SemanticType.DISEASE, Assertion.PRESENT, null),
                new Mention(crf, crf + 21, "chronic renal failure", SemanticType.DISEASE, Assertion.PRESENT, null));
        List<List<Candidate>> found = generator.retrieve(NOTE, mentions);
        assertThat(found.get(1)).extracting(Candidate::conceptId).as("canonical words retrieve it").contains("D007676");
        return List.of(new MentionCandidates(mentions.get(0), found.get(0)),
                new MentionCandidates(mentions.get(1), found.get(1)));
    }
}
