package io.linkrx.serving.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.serving.model.RuntimeSettings;
import io.linkrx.serving.repository.RepositoryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarSettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTritonsPortsLoopbackGrpcAnd64MiBMessages() {
        SidecarSettings s = SidecarSettings.of(Map.of());

        assertThat(s.get(SidecarSetting.GRPC_HOST)).isEqualTo("127.0.0.1");
        assertThat(s.getInt(SidecarSetting.GRPC_PORT)).isEqualTo(8001);
        assertThat(s.getInt(SidecarSetting.HTTP_PORT)).isEqualTo(8002);
        assertThat(s.getInt(SidecarSetting.GRPC_MAX_INBOUND_MESSAGE_BYTES)).isEqualTo(64 << 20);
        assertThat(s.getInt(SidecarSetting.GRPC_MAX_OUTBOUND_MESSAGE_BYTES)).isEqualTo(64 << 20);
        assertThat(s.runtimeSettings()).isEqualTo(RuntimeSettings.defaults());
        RepositoryOptions o = s.repositoryOptions();
        assertThat(o.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.workers()).isEqualTo(1);
        assertThat(o.queueCapacity()).isEqualTo(1024);
    }

    @Test
    void fileThenEnvironmentThenCommandLine() throws Exception {
        Path file = dir.resolve("sidecar.properties");
        Files.writeString(file, """
                linkrx.sidecar.grpc.port=9001
                linkrx.sidecar.http.port=9002
                linkrx.sidecar.ort.device=cpu
                linkrx.sidecar.ort.intra.op.threads=2
                some.other.tool=ignored
                """);
        SidecarSettings s = SidecarSettings.load(Optional.of(file),
                Map.of("LINKRX_SIDECAR_HTTP_PORT", "9102", "LINKRX_SIDECAR_ORT_INTER_OP_THREADS", "1",
                        "LINKRX_SIDECAR_ORT_OPTIMIZATION_LEVEL", "basic", "LINKRX_SIDECAR_ORT_MEMORY_ARENA", "false",
                        "LINKRX_SIDECAR_LOG_LEVEL", "DEBUG", "PATH", "/bin"),
                Map.of("linkrx.sidecar.ort.intra.op.threads", "4"));

        assertThat(s.getInt(SidecarSetting.GRPC_PORT)).isEqualTo(9001);
        assertThat(s.getInt(SidecarSetting.HTTP_PORT)).isEqualTo(9102);
        assertThat(s.runtimeSettings()).isEqualTo(new RuntimeSettings("cpu", 0, 4, 1, "basic", false));
    }

    @Test
    void modelEventsAreOffByDefaultAndTakePassThroughConsumerAndRegistrySettings() throws Exception {
        assertThat(SidecarSettings.of(Map.of()).followModelEvents()).isFalse();
        Path file = dir.resolve("events.properties");
        Files.writeString(file, """
                linkrx.sidecar.model.events.bootstrap.servers=kafka-1:9093
                linkrx.sidecar.model.events.kafka.security.protocol=SSL
                linkrx.sidecar.model.events.registry.basic.auth.user.info=svc:s3cret
                """);

        SidecarSettings s = SidecarSettings.load(Optional.of(file), Map.of(), Map.of());

        assertThat(s.followModelEvents()).isTrue();
        assertThat(s.modelEventsConsumerConfig()).containsEntry("bootstrap.servers", "kafka-1:9093")
                .containsEntry("security.protocol", "SSL");
        assertThat(s.modelEventsRegistryConfig()).containsEntry("schema.registry.url", "http://localhost:8081")
                .containsEntry("basic.auth.user.info", "svc:s3cret");
        assertThat(s.toString()).contains("linkrx.sidecar.model.events.registry.basic.auth.user.info").doesNotContain("s3cret");
    }

    @Test
    void typosAndBadValuesAreRefusedWithTheKey() throws Exception {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "linkrx.sidecar.grpc.prot=9001\n");
        assertThatThrownBy(() -> SidecarSettings.load(Optional.of(file), Map.of(), Map.of()))
                .hasMessageContaining("Unknown sidecar setting 'linkrx.sidecar.grpc.prot'");
        assertThatThrownBy(() -> SidecarSettings.of(Map.of("linkrx.sidecar.grpc.port", "eighty")))
                .hasMessageContaining("linkrx.sidecar.grpc.port must be a whole number");
        assertThatThrownBy(() -> SidecarSettings.of(Map.of("linkrx.sidecar.grpc.port", "70000")))
                .hasMessageContaining("port number");
        assertThatThrownBy(() -> SidecarSettings.of(Map.of("linkrx.sidecar.ort.device", "tpu")))
                .hasMessageContaining("must be cuda or cpu");
        assertThatThrownBy(() -> SidecarSettings.of(Map.of("linkrx.sidecar.ort.optimization.level", "max")))
                .hasMessageContaining("linkrx.sidecar.ort.optimization.level must be one of");
        assertThatThrownBy(() -> SidecarSettings.of(Map.of("linkrx.sidecar.ort.memory.arena", "yes")))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> SidecarSettings.of(Map.of("linkrx.sidecar.batch.queue.capacity", "0")))
                .hasMessageContaining("at least 1");
    }

    @Test
    void everyKnobHasAPrefixedKeyAMatchingEnvironmentVariableADefaultAndADescription() {
        for (SidecarSetting s : SidecarSetting.values()) {
            assertThat(s.key()).startsWith("linkrx.sidecar.").matches("[a-z0-9.]+");
            assertThat(s.environmentVariable()).isEqualTo(s.key().toUpperCase().replace('.', '_')).startsWith("LINKRX_SIDECAR_");
            assertThat(s.defaultValue()).isNotNull();
            assertThat(s.description()).isNotBlank();
        }
        assertThat(Arrays.stream(SidecarSetting.values()).map(SidecarSetting::environmentVariable).distinct())
                .hasSize(SidecarSetting.values().length);
    }

    @Test
    void theMarkdownTableListsEveryKnob() {
        String table = SidecarSetting.markdownTable();
        for (SidecarSetting s : SidecarSetting.values()) {
            String shownDefault = s.defaultValue().isEmpty() ? "(empty)" : s.defaultValue();
            assertThat(table).contains("| `" + s.key() + "` | `" + s.environmentVariable() + "` | `" + shownDefault + "` |");
        }
    }
}
