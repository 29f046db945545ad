package io.linkrx.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.linkrx.serving.client.TrigramEncoderService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbIndexCommandTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return KbIndexCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void givenTwoKnowledgeBases_whenBuiltAndInspected_thenInfoReportsCountsFilesAndOpenCost() throws Exception {
        Path kb = Files.writeString(dir.resolve("kb.tsv"), """
                # version: local-1
                X0001\tLOCAL\tDisease\tHospital-acquired pneumonia\tnosocomial pneumonia\tHAP
                """);
        Path ix = dir.resolve("ix");

        assertThat(run("build", "--kb", kb.toString(), "classpath:linkrx/demo/kb.tsv", "--out", ix.toString(),
                "--no-vectors")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(json().get("kbVersion").asText()).as("the linking KB, with the demo's chemical name variants")
                .isEqualTo("local-1+demo-2026.11+" + io.linkrx.kb.ChemicalNameVariants.VERSION);
        assertThat(json().get("vectors").asLong()).isZero();

        assertThat(run("info", ix.toString())).isZero();
        JsonNode info = json();
        assertThat(info.get("concepts").asLong()).isEqualTo(1 + io.linkrx.kb.KnowledgeBase.load("classpath:linkrx/demo/kb.tsv").size());
        assertThat(info.get("names").asLong()).isPositive();
        assertThat(info.get("bytesByFileType").has("tim")).isTrue();
        assertThat(info.get("bytesByFileType").has("dvd")).isTrue();
        assertThat(info.get("bytesOnDisk").asLong()).isPositive();
        assertThat(info.get("openMillis").asDouble()).isLessThan(5000);
        assertThat(info.has("heapUsedAfterOpenBytes")).isTrue();
    }

    @Test
    void givenASidecarOnLoopback_whenBuilding_thenNamesAreEmbeddedThroughIt() throws Exception {
        Server sidecar = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new TrigramEncoderService()).build().start();
        try {
            String target = "127.0.0.1:" + sidecar.getPort();
            Path ix = dir.resolve("ix");

            assertThat(run("build", "--kb", "classpath:linkrx/demo/kb.tsv", "--out", ix.toString(), "--sidecar", target,
                    "--encoder", TrigramEncoderService.MODEL, "--vectors", "int8", "--batch", "128"))
                    .as(err.toString(StandardCharsets.UTF_8)).isZero();
            JsonNode built = json();
            assertThat(built.get("encoder").asText()).isEqualTo("encoder@1");
            assertThat(built.get("vectorEncoding").asText()).isEqualTo("INT8");
            assertThat(built.get("vectors").asLong()).isEqualTo(built.get("names").asLong());

            assertThat(run("info", ix.toString())).isZero();
            assertThat(json().get("bytesByFileType").has("veq")).isTrue();
        } finally {
            sidecar.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void givenBadArguments_thenUsageAndStatusTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("build", "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--kb is required", "usage:");
        assertThat(run("shrink")).isEqualTo(2);
        assertThat(run("build", "--kb", "x.tsv", "--out", dir.resolve("y").toString(), "--vectors", "int8")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("need --sidecar");
    }

    @Test
    void givenAMissingIndex_whenInspected_thenStatusOne() {
        assertThat(run("info", dir.resolve("none").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such index directory");
    }
}
