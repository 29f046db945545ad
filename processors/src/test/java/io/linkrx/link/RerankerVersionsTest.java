package io.linkrx.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.assertion.Assertion;
import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.extract.DictionaryMentionExtractor;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;
import io.linkrx.rerank.MentionCandidates;
import io.linkrx.rerank.RerankResult;
import io.linkrx.retrieve.Candidate;
import io.linkrx.retrieve.LexicalCandidateRetriever;
import io.linkrx.serving.repository.PinStore;

class RerankerVersionsTest {
    private static final String NOTE = "Known NIDDM, on metformin.";

    @TempDir
    Path repository;

    /** What the sidecar serves now; a scorer of another version's bundle is answered by a version change. */
    private volatile String served = "1";
    private final List<String> scoredWith = new ArrayList<>();

    @Test
    void givenTheSidecarSwapsToANewVersionWhenANoteIsRerankedThenTheAppFollowsWithThatVersionsDictionary() throws Exception {
        Path modelDir = repository.resolve("reranker");
        publish(modelDir, "1", new MentionDictionary());
        MentionDictionary learnt = new MentionDictionary();
        learnt.add("teacher-label-1", "niddm", "D003924"); // a teacher label taught version 2 this name
        publish(modelDir, "2", learnt);
        served = "1";
        PinStore.write(modelDir, OptionalLong.of(1)); // version 2 is published but not promoted
        RerankerVersions versions = RerankerVersions.follow(modelDir, LinkingTestKb.KB,
                BatchRetriever.lexical(new LexicalCandidateRetriever(LinkingTestKb.KB)), 5, this::scorer);
        NoteCandidateGenerator retrieval = new NoteCandidateGenerator(() -> versions.current().generator(),
                LinkingTestKb.KB, Integer.MAX_VALUE);
        LearnedReranker reranker = new LearnedReranker(versions, 0.3, () -> { });
        Mention niddm = new Mention(6, 11, "NIDDM", SemanticType.DISEASE, Assertion.PRESENT, null);
        Mention metformin = new Mention(16, 25, "metformin", SemanticType.CHEMICAL, Assertion.PRESENT, null);

        List<List<Candidate>> before = retrieval.retrieve(NOTE, List.of(niddm, metformin));
        List<MentionCandidates> input = List.of(new MentionCandidates(niddm, before.get(0)),
                new MentionCandidates(metformin, before.get(1)));
        RerankResult onVersion1 = reranker.rerank(NOTE, input);

        served = "2"; // promotion: the sidecar now answers with version 2
        RerankResult swapped = reranker.rerank(NOTE, input);
        List<Candidate> after = retrieval.retrieve(NOTE, List.of(niddm)).get(0);

        assertThat(onVersion1.modelVersion()).as("starts from the pinned version").isEqualTo("reranker@1");
        assertThat(before.get(0)).extracting(Candidate::conceptId).doesNotContain("D003924");
        assertThat(swapped.degraded()).isFalse();
        assertThat(swapped.modelVersion()).as("outputs name the served version").isEqualTo("reranker@2");
        assertThat(scoredWith).containsExactly("1", "1", "2");
        assertThat(versions.current().linkingKb().version()).contains("dictionary:reranker@2");
        assertThat(after).extracting(Candidate::conceptId).as("retrieval uses version 2's dictionary")
                .contains("D003924");
    }

    @Test
    void givenAPromotionWhenNotesAreExtractedThenTheNamesOfTheNewVersionAreFound() throws Exception {
        Path modelDir = repository.resolve("reranker");
        publish(modelDir, "1", new MentionDictionary());
        MentionDictionary learnt = new MentionDictionary();
        learnt.add("teacher-label-1", "niddm", "D003924");
        publish(modelDir, "2", learnt);
        PinStore.write(modelDir, OptionalLong.of(1));
        RerankerVersions versions = RerankerVersions.follow(modelDir, LinkingTestKb.KB,
                BatchRetriever.lexical(new LexicalCandidateRetriever(LinkingTestKb.KB)), 5, this::scorer);
        VersionedExtractor extractor = new VersionedExtractor(versions,
                kb -> new DictionaryMentionExtractor(kb, new ContextAssertionDetector()));

        List<String> before = extractor.extract(NOTE).stream().map(Mention::text).toList();
        versions.follow("2");
        List<String> after = extractor.extract(NOTE).stream().map(Mention::text).toList();

        assertThat(before).doesNotContain("NIDDM");
        assertThat(after).contains("NIDDM");
    }

    @Test
    void givenTheServedVersionIsNotInTheRepositoryWhenFollowedThenTheCurrentVersionStays() {
        Path modelDir = repository.resolve("reranker");
        publish(modelDir, "1", new MentionDictionary());
        RerankerVersions versions = RerankerVersions.follow(modelDir, LinkingTestKb.KB,
                BatchRetriever.lexical(new LexicalCandidateRetriever(LinkingTestKb.KB)), 5, this::scorer);

        assertThat(versions.follow("9")).isFalse();
        assertThat(versions.current().version()).isEqualTo("1");
    }

    private CandidateScorer scorer(RerankerBundle bundle) {
        return new CandidateScorer() {
            @Override
            public double[] score(float[][] rows) {
                scoredWith.add(bundle.version());
                if (!served.equals(bundle.version())) {
                    throw new ModelVersionChangedException(bundle.model(), bundle.version(), served);
                }
                double[] out = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    out[i] = rows[i][LinkingFeatures.NAMES.indexOf("sim_best")];
                }
                return out;
            }

            @Override
            public String modelVersion() {
                return bundle.model() + "@" + bundle.version();
            }
        };
    }

    private static void publish(Path modelDir, String version, MentionDictionary dictionary) {
        Path dir = modelDir.resolve(version);
        new RerankerBundle("reranker", version, LinkingFeatures.VERSION, LinkingFeatures.NAMES, "input", "output", 1,
                0.3, Map.of(), Map.of()).write(dir);
        dictionary.write(dir.resolve(RerankerBundle.DICTIONARY_FILE));
    }
}
