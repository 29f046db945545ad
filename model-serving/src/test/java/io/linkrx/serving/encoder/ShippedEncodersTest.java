package io.linkrx.serving.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.serving.config.ModelConfig;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedEncodersTest {

    @Test
    void everyShippedEncoderIsOnTheClasspath() {
        assertThat(ShippedEncoders.ids())
                .containsExactly("all-minilm-l6-v2", "all-minilm-l6-v2-q", "bge-small-en-v15", "e5-small-v2");
        for (ShippedEncoders.Shipped s : ShippedEncoders.all()) {
            assertThat(getClass().getClassLoader().getResource(s.modelResource())).as(s.modelResource()).isNotNull();
            assertThat(getClass().getClassLoader().getResource(s.tokenizerResource())).as(s.tokenizerResource())
                    .isNotNull();
        }
        assertThat(ShippedEncoders.byId("BGE-small-en-v1.5").id()).isEqualTo("bge-small-en-v15");
        assertThatThrownBy(() -> ShippedEncoders.byId("sapbert"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all-minilm-l6-v2");
    }

    @Test
    void writesATritonLayoutEntryUnderTheGivenName(@TempDir Path repo) throws Exception {
        Path modelDir = ShippedEncoders.install("bge-small-en-v15", repo, "encoder");
        assertThat(modelDir).isEqualTo(repo.resolve("encoder"));
        assertThat(repo.resolve("encoder/1/model.onnx")).isRegularFile();
        assertThat(repo.resolve("encoder/1/tokenizer.json")).isRegularFile();
        try (Stream<Path> files = Files.list(modelDir)) {
            // no staging leftovers
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("config.pbtxt", "1");
        }
        ModelConfig config = TestEncoders.parse(modelDir.resolve("config.pbtxt"));
        assertThat(config.getName()).isEqualTo("encoder");
        assertThat(config.getPlatform()).isEqualTo("onnxruntime_onnx");
        assertThat(config.getMaxBatchSize()).isEqualTo(ShippedEncoders.MAX_BATCH_SIZE);
        assertThat(config.getParametersMap()).containsKeys("kind", "pooling", "max_length", "encoder");
        assertThat(config.getParametersOrThrow("kind").getStringValue()).isEqualTo("encoder");
        assertThat(config.getParametersOrThrow("pooling").getStringValue()).isEqualTo("cls");
        assertThat(config.getParametersOrThrow("encoder").getStringValue()).isEqualTo("bge-small-en-v15");

        // idempotent: the same files again are fine
        ShippedEncoders.install("bge-small-en-v15", repo, "encoder");
        // but another model's files are never overwritten
        assertThatThrownBy(() -> ShippedEncoders.install("all-minilm-l6-v2-q", repo, "encoder"))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("not overwritten");
        // another version is
        ShippedEncoders.install("all-minilm-l6-v2-q", repo, "encoder", "2");
        assertThat(repo.resolve("encoder/2/model.onnx")).isRegularFile();

        // and it loads
        try (EncoderModel m = new EncoderModelLoader().loadEncoder(config, modelDir.resolve("1"), "1",
                TestEncoders.cpu())) {
            assertThat(m.name()).isEqualTo("encoder");
            assertThat(m.dimension()).isEqualTo(384);
        }
    }

    @Test
    void e5GetsItsQueryPrefixAndMiniLmMeanPooling() {
        ModelConfig e5 = ShippedEncoders.config(ShippedEncoders.byId("e5-small-v2"), "encoder");
        assertThat(e5.getParametersOrThrow("text_prefix").getStringValue()).isEqualTo("query: ");
        assertThat(e5.getParametersOrThrow("pooling").getStringValue()).isEqualTo("mean");
        ModelConfig minilm = ShippedEncoders.config(ShippedEncoders.byId("all-minilm-l6-v2"), "encoder");
        assertThat(minilm.getParametersOrThrow("pooling").getStringValue()).isEqualTo("mean");
        assertThat(minilm.getParametersMap()).doesNotContainKey("text_prefix");
        // the text format round-trips (the prefix keeps its trailing space)
        assertThat(TestEncoders.parseText(ShippedEncoders.configText(e5))).isEqualTo(e5);
    }

    @Test
    void rejectsBadNames(@TempDir Path repo) {
        assertThatThrownBy(() -> ShippedEncoders.install("all-minilm-l6-v2", repo, "../escape"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShippedEncoders.install("all-minilm-l6-v2", repo, "encoder", "v1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mainWritesTheEntry(@TempDir Path repo) throws IOException {
        ShippedEncoders.main(new String[] {"all-minilm-l6-v2-q", repo.toString()});
        assertThat(repo.resolve("encoder/config.pbtxt")).isRegularFile();
        assertThat(List.of(repo.resolve("encoder/1/model.onnx"), repo.resolve("encoder/1/tokenizer.json")))
                .allSatisfy(p -> assertThat(p).isRegularFile());
    }
}
