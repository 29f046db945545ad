package io.linkrx.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkrxConfigTest {
    @TempDir
    Path dir;

    @Test
    void environment_overrides_file_overrides_defaults() throws Exception {
        Path file = dir.resolve("linkrx.properties");
        Files.writeString(file, "linkrx.config.version=1\nlinkrx.bootstrap.servers=file:9092\nlinkrx.retrieval.top.k=7\n");

        LinkrxConfig config = LinkrxConfig.load(Optional.of(file), Map.of("LINKRX_BOOTSTRAP_SERVERS", "env:9092"), Map.of());

        assertThat(config.get(Setting.BOOTSTRAP_SERVERS)).isEqualTo("env:9092");
        assertThat(config.getInt(Setting.RETRIEVAL_TOP_K)).isEqualTo(7);
        assertThat(config.get(Setting.APPLICATION_ID)).isEqualTo("linkrx");
    }

    @Test
    void passes_kafka_and_registry_settings_through() {
        LinkrxConfig config = LinkrxConfig.load(Optional.empty(),
                Map.of("LINKRX_KAFKA_SECURITY_PROTOCOL", "SSL", "LINKRX_SCHEMA_REGISTRY_USER_INFO", "u:p"),
                Map.of("linkrx.registry.schema.registry.ssl.truststore.location", "/etc/ts.p12"));

        assertThat(StreamsSettings.from(config)).containsEntry("security.protocol", "SSL")
                .containsEntry("processing.guarantee", "exactly_once_v2");
        assertThat(config.serdeConfig()).containsEntry("basic.auth.user.info", "u:p")
                .containsEntry("schema.registry.ssl.truststore.location", "/etc/ts.p12");
        assertThat(config.toString()).doesNotContain("u:p");
    }

    @Test
    void refuses_unknown_keys_bad_numbers_and_unknown_versions() {
        assertThatThrownBy(() -> LinkrxConfig.of(Map.of("linkrx.retreival.top.k", "5")))
                .hasMessageContaining("Unknown configuration key 'linkrx.retreival.top.k'");
        assertThatThrownBy(() -> LinkrxConfig.of(Map.of("linkrx.retrieval.top.k", "ten")))
                .hasMessageContaining("linkrx.retrieval.top.k must be a whole number");
        assertThatThrownBy(() -> LinkrxConfig.of(Map.of("linkrx.config.version", "2")))
                .hasMessageContaining("Unsupported linkrx.config.version");
    }

    @Test
    void skips_environment_variables_that_name_no_setting_but_refuses_them_in_files() {
        LinkrxConfig config = LinkrxConfig.load(Optional.empty(),
                Map.of("LINKRX_JAVA_OPTS", "-Xmx1g", "LINKRX_SIDECAR_GRPC_PORT", "8001", "LINKRX_RETREIVAL_TOP_K", "3"), Map.of());

        assertThat(config.getInt(Setting.RETRIEVAL_TOP_K)).isEqualTo(10);
        assertThatThrownBy(() -> LinkrxConfig.of(Map.of("linkrx.java.opts", "x"))).hasMessageContaining("Unknown configuration key");
    }

    @Test
    void every_setting_is_in_the_readme_configuration_table() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (Setting s : Setting.values()) {
            assertThat(readme).as("README row for %s", s.key())
                    .contains("`" + s.key() + "`").contains("`" + s.environmentVariable() + "`");
        }
    }
}
