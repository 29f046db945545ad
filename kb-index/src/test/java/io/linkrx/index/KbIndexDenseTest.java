package io.linkrx.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.InProcessSidecar;
import io.linkrx.serving.client.TrigramEncoderService;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Dense retrieval over name vectors from a real in-process sidecar, for every vector encoding. */
class KbIndexDenseTest {
    static final String MENTION = "adult onset diabetes";

    @TempDir
    Path dir;
    final InProcessSidecar sidecar = new InProcessSidecar().start();
    final EncoderClient encoder = Sidecars.encoder(sidecar);

    @AfterEach
    void stop() throws InterruptedException {
        encoder.close();
        sidecar.close();
    }

    KbIndex build(VectorEncoding encoding, int batch) {
        return KbIndex.open(TestKb.build(new KbIndexBuilder(TestKb.kb())
                .withEmbedder(new SidecarTextEmbedder(encoder), batch).withVectorEncoding(encoding), dir.resolve("ix")));
    }

    /** The concept whose name is nearest by brute force, and that cosine. */
    static Map.Entry<String, Double> nearest(KnowledgeBase kb, float[] query) {
        Map<String, Double> best = kb.concepts().stream().collect(Collectors.toMap(Concept::id,
                c -> c.names().stream().mapToDouble(n -> dot(query, TrigramEncoderService.embed(n))).max().orElseThrow()));
        return best.entrySet().stream().max(Comparator.comparingDouble(Map.Entry::getValue)).orElseThrow();
    }

    static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }

    @ParameterizedTest
    @EnumSource(VectorEncoding.class)
    void givenNameVectors_whenSearchedByAMentionVector_thenTheNearestConceptComesFirst(VectorEncoding encoding) {
        float[] query = TrigramEncoderService.embed(MENTION);
        Map.Entry<String, Double> expected = nearest(TestKb.kb(), query);
        double tolerance = encoding == VectorEncoding.FLOAT32 ? 1e-5 : encoding == VectorEncoding.INT8 ? 0.02 : 0.08;

        try (KbIndex index = build(encoding, 4)) {
            List<IndexHit> hits = index.dense(query, null, 3);

            assertThat(expected.getKey()).isEqualTo("D003924");
            assertThat(hits.get(0).conceptId()).isEqualTo(expected.getKey());
            assertThat(hits.get(0).denseScore()).isCloseTo(expected.getValue(), within(tolerance));
            assertThat(hits.get(0).matchedName()).isEqualTo("adult-onset diabetes");
            assertThat(hits.get(0).hasLexical()).isFalse();
            assertThat(hits).extracting(IndexHit::conceptId).doesNotHaveDuplicates().hasSize(3);
            assertThat(index.metadata().encoder()).isEqualTo("encoder@1");
            assertThat(index.metadata().dimension()).isEqualTo(TrigramEncoderService.WIDTH);
            assertThat(index.metadata().encoding()).isEqualTo(encoding);
        }
    }

    @ParameterizedTest
    @EnumSource(value = VectorEncoding.class, names = "INT8")
    void givenBatchesOfNames_whenBuilt_thenEveryNameButAbbreviationsHasAVectorFromBatchedCalls(VectorEncoding encoding) {
        try (KbIndex index = build(encoding, 8)) {
            long names = index.metadata().names();
            assertThat(index.metadata().vectors()).isEqualTo(names);
            assertThat(sidecar.service.batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(8));
            assertThat(sidecar.service.inferCalls.get()).isEqualTo((int) ((names + 7) / 8));
            assertThat(sidecar.service.batches.stream().flatMap(List::stream)).doesNotContain("HTN", "MS");
        }
    }

    @ParameterizedTest
    @EnumSource(value = VectorEncoding.class, names = "FLOAT32")
    void givenATypedDenseQuery_thenOtherTypesArePenalisedNotExcluded(VectorEncoding encoding) {
        try (KbIndex index = build(encoding, 64)) {
            float[] query = TrigramEncoderService.embed("metformin");
            List<IndexHit> hits = index.dense(query, SemanticType.DISEASE, 3);

            assertThat(hits).extracting(IndexHit::conceptId).contains("DB00331");
            IndexHit metformin = hits.stream().filter(h -> h.conceptId().equals("DB00331")).findFirst().orElseThrow();
            assertThat(metformin.denseScore()).isCloseTo(1.0, within(1e-5));
            assertThat(metformin.score()).isCloseTo(TypePolicy.PENALTY, within(1e-5));
            assertThat(index.dense(query, SemanticType.DRUG, 1).get(0).score()).isCloseTo(1.0, within(1e-5));
        }
    }

    @ParameterizedTest
    @EnumSource(value = VectorEncoding.class, names = "FLOAT32")
    void givenAVectorOfTheWrongWidth_whenSearched_thenRefused(VectorEncoding encoding) {
        try (KbIndex index = build(encoding, 64)) {
            assertThatThrownBy(() -> index.dense(new float[3], null, 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("width 3");
            assertThat(index.dense(new float[TrigramEncoderService.WIDTH], null, 3)).isEmpty();
        }
    }
}
