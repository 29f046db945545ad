package io.linkrx.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbIndexBuilderTest {
    @TempDir
    Path dir;

    @Test
    void givenAKb_whenBuilt_thenTheMetadataCountsItsEntriesAndIsWhatOpeningReads() throws Exception {
        IndexMetadata built = new KbIndexBuilder(TestKb.kb()).build(dir);

        assertThat(built.kbVersion()).isEqualTo(TestKb.VERSION);
        assertThat(built.concepts()).isEqualTo(15);
        assertThat(built.abbreviations()).isEqualTo(11); // "MS" twice: it abbreviates two concepts
        assertThat(built.names()).isEqualTo(39);          // "Hypertensions" folds into "Hypertension"
        assertThat(built.vectors()).isZero();
        assertThat(built.encoder()).isEmpty();
        assertThat(built.builtAt()).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
        try (KbIndex index = KbIndex.open(dir)) {
            assertThat(index.metadata()).isEqualTo(built);
        }
    }

    @Test
    void givenAnEmbedderThatFails_whenBuilding_thenNothingIsCommitted() {
        TextEmbedder broken = new TextEmbedder() {
            @Override
            public float[][] embed(List<String> texts) {
                throw new EmbeddingException("sidecar down");
            }

            @Override
            public String modelId() {
                return "broken@1";
            }
        };

        assertThatThrownBy(() -> new KbIndexBuilder(TestKb.kb()).withEmbedder(broken, 4).build(dir))
                .isInstanceOf(EmbeddingException.class);
        assertThatThrownBy(() -> KbIndex.open(dir)).isInstanceOf(KbIndexException.class)
                .hasMessageContaining("no Lucene index");
    }
}
