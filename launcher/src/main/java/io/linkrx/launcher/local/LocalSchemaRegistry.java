package io.linkrx.launcher.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry (in-memory storage) running as a child JVM on a free loopback port; {@link #url()} is its
 * Confluent-compatible API, which linkrx's registry client and serdes talk to.
 */
public final class LocalSchemaRegistry extends LocalService {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    public static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";

    private static final Logger LOG = LoggerFactory.getLogger(LocalSchemaRegistry.class);
    private static final String HOST = "127.0.0.1";

    private final String url;

    private LocalSchemaRegistry(JvmProcess process, String url) {
        super(process);
        this.url = url;
    }

    /** Starts the registry found by {@link RegistryJar#locate()}. */
    public static LocalSchemaRegistry start(Path workDir) {
        return start(RegistryJar.locate(), workDir, DEFAULT_START_TIMEOUT);
    }

    /** Starts {@code quarkusRunJar}; returns once {@code GET <url>/subjects} answers 200. */
    public static LocalSchemaRegistry start(Path quarkusRunJar, Path workDir, Duration timeout) {
        long started = System.nanoTime();
        Path dir = WorkDirs.create(workDir.toAbsolutePath());
        int port = FreePort.pick();
        String url = "http://" + HOST + ":" + port + CONFLUENT_API_PATH;

        // equivalent of `java -jar quarkus-run.jar`, with the watchdog in front of the jar's own main class
        JvmProcess registry = JvmProcess.builder("schema registry")
                .classpath(List.of(quarkusRunJar.toAbsolutePath()))
                .mainClass(Classpaths.mainClassOf(quarkusRunJar))
                .maxHeap("256m")
                .systemProperty("quarkus.http.host", HOST)
                .systemProperty("quarkus.http.port", Integer.toString(port))
                // Apicurio bundles a Sentry client: a noop DSN wins over any SENTRY_DSN, so nothing leaves the host
                .systemProperty("sentry.dsn", "noop://localhost?async=false")
                .withoutEnv("SENTRY_DSN", "KAFKA_BOOTSTRAP_SERVERS", "REGISTRY_DATASOURCE_URL", "K_SINK")
                .logFile(dir.resolve("registry.log"))
                .start();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest subjects = HttpRequest.newBuilder(URI.create(url + "/subjects"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        registry.awaitReady(timeout,
                () -> http.send(subjects, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        LOG.info("Schema registry ready at {} in {} ms (pid {}, log {})", url,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), registry.pid(), registry.logFile());
        return new LocalSchemaRegistry(registry, url);
    }

    /** The Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public String url() {
        return url;
    }

}
