package io.linkrx.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Status;
import io.linkrx.kb.SemanticType;
import io.linkrx.retrieve.Candidate;
import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.InProcessSidecar;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The union of lexical and dense candidates, fused; degradation to lexical when dense is impossible. */
class HybridRetrieverTest {
    static final String HEART_ATTACK = "heart attack"; // in no KB name: lexically it looks like heart failure

    @TempDir
    Path dir;

    KbIndex axisIndex(AxisEmbedder embedder) {
        return KbIndex.open(TestKb.build(new KbIndexBuilder(TestKb.kb()).withEmbedder(embedder, 64)
                .withVectorEncoding(VectorEncoding.FLOAT32), dir.resolve("ix")));
    }

    static IndexHit hit(List<IndexHit> hits, String conceptId) {
        return hits.stream().filter(h -> h.conceptId().equals(conceptId)).findFirst().orElseThrow();
    }

    @Test
    void givenAMentionOnlyTheEncoderUnderstands_whenSearched_thenTheUnionHasDenseOnlyAndLexicalOnlyConcepts() {
        AxisEmbedder embedder = new AxisEmbedder(TestKb.kb(), "axis@1")
                .teach(HEART_ATTACK, Map.of("D009203", 0.9, "D001249", 0.3));
        try (KbIndex index = axisIndex(embedder)) {
            HybridRetriever retriever = new HybridRetriever(index, embedder);

            HybridResult result = retriever.search(List.of(new MentionQuery(HEART_ATTACK, SemanticType.DISEASE)), 2);
            List<IndexHit> hits = result.hits().get(0);

            assertThat(result.degraded()).isFalse();
            assertThat(hits).extracting(IndexHit::conceptId).doesNotHaveDuplicates().hasSizeBetween(3, 4);
            IndexHit infarction = hit(hits, "D009203");
            assertThat(infarction.hasLexical()).isFalse();
            assertThat(infarction.denseScore()).isCloseTo(0.9 / Math.hypot(0.9, 0.3), within(1e-5));
            IndexHit failure = hit(hits, "D006333");
            assertThat(failure.hasDense()).isFalse();
            assertThat(failure.lexicalScore()).isGreaterThan(0.0);
            assertThat(hits.get(0).conceptId()).isEqualTo("D009203"); // max fusion: 0.95 beats the partial lexical match
            assertThat(hits).extracting(IndexHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void givenAConceptFoundByBothSides_whenFused_thenItKeepsBothScores() {
        AxisEmbedder embedder = new AxisEmbedder(TestKb.kb(), "axis@1");
        try (KbIndex index = axisIndex(embedder)) {
            List<IndexHit> hits = new HybridRetriever(index, embedder).search(
                    List.of(new MentionQuery("Hypertension", null)), 3).hits().get(0);

            IndexHit top = hits.get(0);
            assertThat(top.conceptId()).isEqualTo("D006973");
            assertThat(top.lexicalScore()).isEqualTo(1.0);
            assertThat(top.denseScore()).isCloseTo(1.0, within(1e-5));
            assertThat(top.score()).isEqualTo(1.0);
        }
    }

    @Test
    void givenReciprocalRankFusion_thenAConceptFirstOnBothSidesScoresOne() {
        AxisEmbedder embedder = new AxisEmbedder(TestKb.kb(), "axis@1");
        try (KbIndex index = axisIndex(embedder)) {
            List<IndexHit> hits = new HybridRetriever(index, embedder, Fusion.RRF).search(
                    List.of(new MentionQuery("Asthma", null)), 3).hits().get(0);

            assertThat(hits.get(0).conceptId()).isEqualTo("D001249");
            assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-9));
            // relative scores: rank 2 on both sides is (2/62) / (2/61), whatever the raw similarities
            assertThat(hits.get(1).score()).isLessThanOrEqualTo(61.0 / 62.0 + 1e-9);
        }
    }

    @Test
    void givenTheMentionsOfANote_whenRetrievedTogether_thenTheyAreEmbeddedInOneCall() {
        AxisEmbedder embedder = new AxisEmbedder(TestKb.kb(), "axis@1").teach(HEART_ATTACK, Map.of("D009203", 1.0));
        try (KbIndex index = axisIndex(embedder)) {
            int before = embedder.calls.get();
            List<MentionQuery> note = List.of(new MentionQuery("Asthma", SemanticType.DISEASE),
                    new MentionQuery(HEART_ATTACK, SemanticType.DISEASE), new MentionQuery("Asthma", null));

            List<List<Candidate>> candidates = new HybridRetriever(index, embedder).retrieveAll(note, 2);

            assertThat(embedder.calls.get()).isEqualTo(before + 1);
            assertThat(embedder.batches.get(embedder.batches.size() - 1)).containsExactly("Asthma", HEART_ATTACK);
            assertThat(candidates).hasSize(3).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(2));
            assertThat(candidates.get(1).get(0).conceptId()).isEqualTo("D009203");
            assertThat(candidates.get(0).get(0).conceptId()).isEqualTo("D001249");
        }
    }

    @Test
    void givenNoEmbedder_thenLexicalOnlyAndNotDegraded() {
        try (KbIndex index = KbIndex.open(TestKb.buildLexical(dir.resolve("ix")))) {
            HybridRetriever retriever = new HybridRetriever(index);

            HybridResult result = retriever.search(List.of(new MentionQuery("asthma", null)), 3);

            assertThat(result.degraded()).isFalse();
            assertThat(result.hits().get(0).get(0).conceptId()).isEqualTo("D001249");
            assertThat(retriever.retrieve("asthma", null, 3)).extracting(Candidate::conceptId).first().isEqualTo("D001249");
            assertThat(retriever.denseConfigured()).isFalse();
        }
    }

    @Test
    void givenAnEmbedderButALexicalOnlyIndex_thenDegradedToLexical() {
        AxisEmbedder embedder = new AxisEmbedder(TestKb.kb(), "axis@1");
        try (KbIndex index = KbIndex.open(TestKb.buildLexical(dir.resolve("ix")))) {
            HybridRetriever retriever = new HybridRetriever(index, embedder);

            HybridResult result = retriever.search(List.of(new MentionQuery("asthma", null)), 3);

            assertThat(result.degraded()).isTrue();
            assertThat(result.hits().get(0).get(0).conceptId()).isEqualTo("D001249");
            assertThat(embedder.calls.get()).isZero();
        }
    }

    @Test
    void givenTheSidecarFails_whenRetrieving_thenLexicalOnlyAndDegraded_andDenseResumesWhenItRecovers()
            throws InterruptedException {
        try (InProcessSidecar sidecar = new InProcessSidecar().start(); EncoderClient encoder = Sidecars.encoder(sidecar)) {
            TextEmbedder embedder = new SidecarTextEmbedder(encoder);
            try (KbIndex index = KbIndex.open(TestKb.build(new KbIndexBuilder(TestKb.kb()).withEmbedder(embedder, 64),
                    dir.resolve("ix")))) {
                HybridRetriever retriever = new HybridRetriever(index, embedder);
                List<MentionQuery> note = List.of(new MentionQuery("asthma", null));

                sidecar.service.failAll(Status.UNAVAILABLE);
                HybridResult down = retriever.search(note, 3);
                sidecar.service.heal();
                HybridResult up = retriever.search(note, 3);

                assertThat(down.degraded()).isTrue();
                assertThat(down.hits().get(0)).isNotEmpty().allSatisfy(h -> assertThat(h.hasDense()).isFalse());
                assertThat(up.degraded()).isFalse();
                assertThat(up.hits().get(0).get(0).hasDense()).isTrue();
                assertThat(retriever.degradedBatches()).isEqualTo(1);
            }
        }
    }

    @Test
    void givenTheSidecarServesAnotherEncoderVersion_whenRetrieving_thenDegradedRatherThanComparingVectors()
            throws InterruptedException {
        try (InProcessSidecar sidecar = new InProcessSidecar().start(); EncoderClient encoder = Sidecars.encoder(sidecar)) {
            TestKb.build(new KbIndexBuilder(TestKb.kb()).withEmbedder(new SidecarTextEmbedder(encoder), 64), dir.resolve("ix"));
            sidecar.service.version = "2";
            try (KbIndex index = KbIndex.open(dir.resolve("ix"))) {
                String builtWith = SidecarTextEmbedder.versionOf(index.metadata().encoder());
                List<MentionQuery> note = List.of(new MentionQuery("asthma", null));

                HybridResult unpinned = new HybridRetriever(index, new SidecarTextEmbedder(encoder)).search(note, 3);
                HybridResult pinned = new HybridRetriever(index, new SidecarTextEmbedder(encoder, builtWith)).search(note, 3);

                assertThat(builtWith).isEqualTo("1");
                assertThat(unpinned.degraded()).isTrue();
                assertThat(pinned.degraded()).isTrue();
                assertThat(pinned.hits().get(0).get(0).conceptId()).isEqualTo("D001249");
            }
        }
    }
}
