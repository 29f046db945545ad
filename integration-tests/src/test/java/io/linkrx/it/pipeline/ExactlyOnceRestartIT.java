package io.linkrx.it.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.it.infra.KafkaClusterExtension;
import io.linkrx.it.infra.SchemaRegistryExtension;
import io.linkrx.launcher.local.JvmProcess;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.LinkedNote;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once across a crash: the app runs as its own process, is killed with SIGKILL mid-stream, and a new
 * instance takes over. A read_committed consumer must see every note linked exactly once.
 */
class ExactlyOnceRestartIT {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();
    static final int NOTES = 240;
    static final String PREFIX = "restart-";

    @Test
    void a_killed_instance_loses_nothing_and_duplicates_nothing() throws Exception {
        Path work = Files.createTempDirectory("linkrx-restart-it");
        int port = freePort();
        Path config = writeConfig(work, port);
        List<ClinicalNote> demo = DemoFixtures.notes();
        try (PipelineClients clients = new PipelineClients(KAFKA.bootstrapServers(), serdeConfig())) {
            // Given a running instance and a feed that keeps publishing notes
            JvmProcess first = startApp(config, work.resolve("first.log"), port);
            CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> IntStream.range(0, NOTES).forEach(i -> {
                ClinicalNote template = demo.get(i % demo.size());
                clients.publish(DemoFixtures.copy(template, PREFIX + i, "restart-patient-" + (i % 17)));
                sleep(25);
            }));

            // When the instance is killed with SIGKILL after it has linked part of the stream
            assertThat(clients.linkedNotes(n -> n.getNoteId().startsWith(PREFIX), NOTES / 4, Duration.ofSeconds(90)))
                    .hasSizeGreaterThanOrEqualTo(NOTES / 4);
            first.handle().destroyForcibly();
            first.handle().onExit().get(30, TimeUnit.SECONDS);
            feed.get(60, TimeUnit.SECONDS);
            // and a new instance takes over
            try (JvmProcess second = startApp(config, work.resolve("second.log"), port)) {
                // Then every note is linked exactly once
                List<LinkedNote> linked = clients.linkedNotes(n -> n.getNoteId().startsWith(PREFIX), NOTES, Duration.ofSeconds(120));
                assertThat(linked).extracting(LinkedNote::getNoteId).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, NOTES).mapToObj(i -> PREFIX + i).toList());
            }
        }
    }

    private static java.util.Map<String, Object> serdeConfig() {
        return java.util.Map.of("schema.registry.url", REGISTRY.url(), "auto.register.schemas", "true");
    }

    private static Path writeConfig(Path work, int port) throws Exception {
        Path file = work.resolve("linkrx.properties");
        Files.writeString(file, String.join("\n",
                "linkrx.config.version=1",
                "linkrx.application.id=linkrx-restart-it",
                "linkrx.bootstrap.servers=" + KAFKA.bootstrapServers(),
                "linkrx.schema.registry.url=" + REGISTRY.url(),
                "linkrx.schema.registry.auto.register=true",
                "linkrx.topics.create=true",
                "linkrx.topics.partitions=3",
                "linkrx.topics.replication.factor=1",
                "linkrx.state.dir=" + work.resolve("state"),
                "linkrx.http.host=127.0.0.1",
                "linkrx.http.port=" + port,
                // a dead member is noticed after 6 s (the broker's minimum) instead of 45 s
                "linkrx.kafka.session.timeout.ms=6000",
                ""));
        return file;
    }

    private static JvmProcess startApp(Path config, Path log, int port) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        JvmProcess app = JvmProcess.builder("linkrx-app").classpath(classpath).mainClass("io.linkrx.app.Main")
                .args("run", "--config", config.toString()).maxHeap("512m").logFile(log).start();
        HttpClient http = HttpClient.newHttpClient();
        app.awaitReady(Duration.ofSeconds(90), () -> http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return app;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
