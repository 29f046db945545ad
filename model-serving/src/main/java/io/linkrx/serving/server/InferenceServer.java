package io.linkrx.serving.server;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.linkrx.serving.grpc.InferenceService;
import io.linkrx.serving.ops.OpsHttpServer;
import io.linkrx.serving.ops.ServingMetrics;
import io.linkrx.serving.repository.ModelEventsFollower;
import io.linkrx.serving.repository.ModelLoaders;
import io.linkrx.serving.repository.ModelRepository;
import io.linkrx.serving.repository.ModelStatus;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model-serving sidecar: KServe v2 gRPC over the model repository, plus the HTTP ops endpoint. Starts the
 * endpoints first (live at once; ready once every model has a loaded version; inference answers UNAVAILABLE
 * while loading), loads the repository, then polls it. {@link #close()} drains: refuse new calls, finish the
 * running ones, close the models.
 *
 * <pre>
 * InferenceServer serve [--config sidecar.properties] [key=value ...]
 * InferenceServer settings      # the configuration table (Markdown)
 * </pre>
 */
public final class InferenceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceServer.class);

    private final SidecarSettings settings;
    private final PrometheusMeterRegistry registry;
    private final ModelRepository repository;
    private final InferenceService service;
    private final HealthStatusManager health = new HealthStatusManager();
    private final Server grpc;
    private final OpsHttpServer ops;
    private final ScheduledExecutorService healthUpdater;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean draining;
    private volatile ModelEventsFollower events;

    private InferenceServer(SidecarSettings settings, ModelLoaders loaders) throws IOException {
        this.settings = settings;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        ServingMetrics metrics = new ServingMetrics(registry);
        this.repository = new ModelRepository(settings.repository(), settings.repositoryOptions(), loaders, metrics);
        metrics.attach(repository);
        this.service = new InferenceService(repository, metrics, settings.getInt(SidecarSetting.GRPC_MAX_OUTBOUND_MESSAGE_BYTES), version());
        health.setStatus("", ServingStatus.NOT_SERVING);
        this.grpc = NettyServerBuilder
                .forAddress(new InetSocketAddress(settings.get(SidecarSetting.GRPC_HOST), settings.getInt(SidecarSetting.GRPC_PORT)))
                .maxInboundMessageSize(settings.getInt(SidecarSetting.GRPC_MAX_INBOUND_MESSAGE_BYTES))
                // clients that keep their channel warm with pings must not be sent away (GOAWAY too_many_pings)
                .permitKeepAliveTime(10, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .addService(service)
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .build()
                .start();
        try {
            this.ops = new OpsHttpServer(settings.get(SidecarSetting.HTTP_HOST), settings.getInt(SidecarSetting.HTTP_PORT), repository,
                    () -> draining, registry);
        } catch (IOException e) {
            grpc.shutdownNow();
            throw e;
        }
        this.healthUpdater = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linkrx-sidecar-health");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the endpoints, loads the repository and starts polling it. */
    public static InferenceServer start(SidecarSettings settings) throws IOException {
        return start(settings, ModelLoaders.discover());
    }

    public static InferenceServer start(SidecarSettings settings, ModelLoaders loaders) throws IOException {
        InferenceServer server = new InferenceServer(settings, loaders);
        LOG.info("Sidecar settings: {}", settings);
        LOG.info("linkrx sidecar {} listening: gRPC {}:{}, HTTP {}:{}, repository {}", version(), settings.get(SidecarSetting.GRPC_HOST),
                server.grpcPort(), settings.get(SidecarSetting.HTTP_HOST), server.httpPort(), server.repository.root());
        server.repository.poll();
        if (server.repository.modelNames().isEmpty()) {
            LOG.warn("Model repository {} holds no model (a directory with {}); the sidecar serves nothing until one appears",
                    server.repository.root(), io.linkrx.serving.repository.ModelConfigs.FILE_NAME);
        }
        server.updateHealth();
        server.healthUpdater.scheduleWithFixedDelay(server::updateHealth, 1, 1, TimeUnit.SECONDS);
        server.repository.startPolling();
        if (settings.followModelEvents()) {
            server.events = ModelEventsFollower.create(server.repository, settings.get(SidecarSetting.MODEL_EVENTS_TOPIC),
                    settings.modelEventsConsumerConfig(), settings.modelEventsRegistryConfig());
            server.events.start();
            LOG.info("Following model events on {} at {}", settings.get(SidecarSetting.MODEL_EVENTS_TOPIC),
                    settings.get(SidecarSetting.MODEL_EVENTS_BOOTSTRAP_SERVERS));
        }
        return server;
    }

    private void updateHealth() {
        health.setStatus("", !draining && repository.ready() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
    }

    public int grpcPort() {
        return grpc.getPort();
    }

    public int httpPort() {
        return ops.port();
    }

    public ModelRepository repository() {
        return repository;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** One line for people and scripts: ports, readiness, and each model's version and device. */
    public String readinessLine() {
        List<ModelStatus> models = repository.status();
        String list = models.stream()
                .map(m -> m.ready() ? m.name() + ":" + m.servingVersion() + "@" + m.device() : m.name() + ":" + m.state())
                .collect(Collectors.joining(","));
        return "linkrx-sidecar " + (repository.ready() ? "ready" : "started (not ready)")
                + " grpc=" + settings.get(SidecarSetting.GRPC_HOST) + ":" + grpcPort()
                + " http=" + settings.get(SidecarSetting.HTTP_HOST) + ":" + httpPort()
                + " models=" + (list.isEmpty() ? "none" : list);
    }

    /** Graceful: not ready, no new calls, running calls finish (up to the shutdown timeout), models close. */
    @Override
    public synchronized void close() {
        if (draining && terminated.getCount() == 0) {
            return;
        }
        draining = true;
        service.drain();
        health.enterTerminalState();
        if (events != null) {
            events.close(); // no version changes while draining
        }
        long timeoutMs = settings.getLong(SidecarSetting.SHUTDOWN_TIMEOUT_MS);
        LOG.info("Shutting down: draining in-flight requests (up to {} ms)", timeoutMs);
        grpc.shutdown();
        try {
            if (!grpc.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
                LOG.warn("Requests still running after {} ms; cancelling them", timeoutMs);
                grpc.shutdownNow();
                grpc.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            grpc.shutdownNow();
        }
        healthUpdater.shutdownNow();
        repository.close();
        ops.close();
        registry.close();
        LOG.info("linkrx sidecar stopped");
        terminated.countDown();
    }

    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    static String version() {
        String v = InferenceServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    // ------------------------------------------------------------------ command line

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> {
                SidecarSettings settings;
                try {
                    settings = parse(args, env);
                } catch (IllegalArgumentException e) {
                    err.println("linkrx-sidecar: " + e.getMessage());
                    return 2;
                }
                InferenceServer server;
                try {
                    server = start(settings);
                } catch (IllegalArgumentException | IOException e) {
                    err.println("linkrx-sidecar: cannot start: " + e.getMessage());
                    return 1;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "linkrx-sidecar-shutdown"));
                out.println(server.readinessLine());
                out.flush();
                server.awaitTermination();
                return 0;
            }
            case "settings" -> {
                out.print(SidecarSetting.markdownTable());
                return 0;
            }
            default -> {
                err.println("usage: InferenceServer serve [--config FILE] [key=value ...] | settings");
                return 2;
            }
        }
    }

    static SidecarSettings parse(String[] args, Map<String, String> env) {
        Optional<Path> file = Optional.ofNullable(env.get(SidecarSetting.CONFIG_FILE_ENV)).filter(s -> !s.isBlank()).map(Path::of);
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args).subList(Math.min(1, args.length), args.length));
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.equals("--config")) {
                if (i + 1 >= rest.size()) {
                    throw new IllegalArgumentException("--config needs a file");
                }
                file = Optional.of(Path.of(rest.get(++i)));
            } else if (a.startsWith("--config=")) {
                file = Optional.of(Path.of(a.substring("--config=".length())));
            } else if (a.contains("=")) {
                overrides.put(a.substring(0, a.indexOf('=')).trim(), a.substring(a.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (usage: serve [--config FILE] [key=value ...])");
            }
        }
        return SidecarSettings.load(file, env, overrides);
    }
}
