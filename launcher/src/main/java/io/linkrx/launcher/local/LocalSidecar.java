package io.linkrx.launcher.local;

import io.linkrx.serving.encoder.ShippedEncoders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model-serving sidecar (KServe v2 over gRPC, ONNX Runtime on CPU) as a child JVM, over a model repository
 * in the work directory that holds the shipped MiniLM encoder as model {@code encoder}. Restartable on the same
 * repository and port, so tests can kill it and bring it back.
 */
public final class LocalSidecar extends LocalService {
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    public static final String DEFAULT_ENCODER = "all-minilm-l6-v2";
    private static final Logger LOG = LoggerFactory.getLogger(LocalSidecar.class);
    private static final String HOST = "127.0.0.1";

    private final Path repository;
    private final int grpcPort;
    private final int httpPort;

    /** ONNX Runtime's directory of unpacked native libraries, handed on to the sidecar when the parent has it. */
    static final String ORT_NATIVE_PATH = "onnxruntime.native.path";

    private LocalSidecar(JvmProcess process, Path repository, int grpcPort, int httpPort) {
        super(process);
        this.repository = repository;
        this.grpcPort = grpcPort;
        this.httpPort = httpPort;
    }

    /**
     * Creates {@code <workDir>/repository} with the shipped encoder and starts the sidecar on free ports.
     *
     * @param settings more {@code linkrx.sidecar.*=value} settings, e.g. to follow model events
     */
    public static LocalSidecar start(Path workDir, String... settings) {
        Path dir = WorkDirs.create(workDir.toAbsolutePath());
        Path repository = dir.resolve("repository");
        try {
            if (!Files.isDirectory(repository.resolve("encoder"))) {
                ShippedEncoders.install(DEFAULT_ENCODER, repository, "encoder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the model repository under " + repository, e);
        }
        int[] ports = FreePort.pick(2);
        return start(dir, repository, ports[0], ports[1], DEFAULT_START_TIMEOUT, settings);
    }

    /** Starts (or restarts) a sidecar over an existing repository on the given ports. */
    public static LocalSidecar start(Path workDir, Path repository, int grpcPort, int httpPort, Duration timeout,
                                     String... settings) {
        long started = System.nanoTime();
        Path dir = WorkDirs.create(workDir.toAbsolutePath());
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("serve",
                "linkrx.sidecar.repository=" + repository.toAbsolutePath(),
                "linkrx.sidecar.grpc.host=" + HOST,
                "linkrx.sidecar.grpc.port=" + grpcPort,
                "linkrx.sidecar.http.host=" + HOST,
                "linkrx.sidecar.http.port=" + httpPort,
                "linkrx.sidecar.ort.device=cpu"));
        args.addAll(java.util.List.of(settings));
        JvmProcess process = process(args, dir.resolve("sidecar-" + System.currentTimeMillis() + ".log")).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + httpPort + "/health/ready"))
                .timeout(Duration.ofSeconds(3)).build();
        process.awaitReady(timeout, () -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        LOG.info("Model-serving sidecar ready at {}:{} in {} ms (pid {}, log {})", HOST, grpcPort,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), process.pid(), process.logFile());
        return new LocalSidecar(process, repository, grpcPort, httpPort);
    }

    /** The sidecar's JVM: offline, its own log configuration, and this JVM's ONNX Runtime native path if set. */
    static JvmProcess.Builder process(java.util.List<String> args, Path logFile) {
        JvmProcess.Builder builder = JvmProcess.builder("model-serving sidecar")
                .classpath(Classpaths.ofCurrentJvm())
                .mainClass("io.linkrx.serving.server.InferenceServer")
                .args(args.toArray(String[]::new))
                .systemProperty("ai.djl.offline", "true")
                .systemProperty("logback.configurationFile", "logback-sidecar.xml")
                .maxHeap("768m")
                .logFile(logFile);
        String ortNatives = System.getProperty(ORT_NATIVE_PATH);
        if (ortNatives != null) {
            builder.systemProperty(ORT_NATIVE_PATH, ortNatives); // unpacked once, not copied to /tmp by every JVM
        }
        return builder;
    }

    /** {@code host:port} of the gRPC endpoint, the value of {@code linkrx.serving.target}. */
    public String target() {
        return HOST + ":" + grpcPort;
    }

    public Path repository() {
        return repository;
    }

    public int grpcPort() {
        return grpcPort;
    }

    public int httpPort() {
        return httpPort;
    }
}
