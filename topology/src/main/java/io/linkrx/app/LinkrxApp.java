package io.linkrx.app;

import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.config.Setting;
import io.linkrx.app.config.StreamsSettings;
import io.linkrx.app.ops.OpsServer;
import io.linkrx.app.ops.StageMeter;
import io.linkrx.app.rx.RecommendationTopology;
import io.linkrx.app.rx.RxStage;
import io.linkrx.app.topics.TopicProvisioner;
import io.linkrx.app.topics.Topics;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running linking application: Streams, metrics and the ops HTTP endpoint, with a graceful close. */
public final class LinkrxApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkrxApp.class);
    /** More thread failures than this within the window means the problem will not go away by retrying. */
    private static final int MAX_THREAD_REPLACEMENTS = 10;
    private static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(5);

    private final KafkaStreams streams;
    private final LinkingStages stages;
    private final OpsServer ops;
    private final PrometheusMeterRegistry metrics;
    private final KafkaStreamsMetrics streamsMetrics;
    private final Duration shutdownTimeout;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    private LinkrxApp(LinkrxConfig config) throws IOException {
        metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(metrics); // the DLQ handlers, created by Streams, count through the global registry
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);

        Topics topics = new Topics(config.serdeConfig());
        if (config.getBoolean(Setting.TOPICS_CREATE)) {
            TopicProvisioner.createMissing(adminConfig(config), topics.allNames(), config.getInt(Setting.TOPICS_PARTITIONS),
                    (short) config.getInt(Setting.TOPICS_REPLICATION_FACTOR));
        }
        if (config.getBoolean(Setting.SCHEMA_AUTO_REGISTER)) {
            registerDeadLetterSchemas(config);
        }
        // before the linking stages: a bad graph path fails here, with no sidecar channel open yet
        var rx = RxStage.fromConfig(config, Clock.systemUTC());
        stages = LinkingStages.fromConfig(config, Clock.systemUTC(), metrics);
        StreamsBuilder builder = new StreamsBuilder();
        StageMeter meter = new StageMeter(metrics);
        LinkingTopology.build(builder, topics, stages, meter);
        rx.ifPresent(stage -> RecommendationTopology.build(builder, topics, stage, meter));
        Topology topology = builder.build();
        LOG.info("Linking topology built (KB version {})", stages.kbVersion());
        LOG.debug("Topology:\n{}", topology.describe());

        Properties props = StreamsSettings.from(config);
        streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(this::onUncaughtException);
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        shutdownTimeout = Duration.ofMillis(Long.parseLong(config.get(Setting.SHUTDOWN_TIMEOUT_MS)));
        ops = new OpsServer(config.get(Setting.HTTP_HOST), config.getInt(Setting.HTTP_PORT), streams::state, metrics);
    }

    /** Builds and starts the application; returns once Streams is starting (not necessarily RUNNING yet). */
    public static LinkrxApp start(LinkrxConfig config) {
        try {
            LinkrxApp app = new LinkrxApp(config);
            app.streams.start();
            LOG.info("linkrx started: application id {}, ops endpoint on port {}", config.get(Setting.APPLICATION_ID), app.ops.port());
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the ops HTTP endpoint", e);
        }
    }

    private static Map<String, Object> adminConfig(LinkrxConfig config) {
        Map<String, Object> admin = new HashMap<>(config.withPrefix(Setting.KAFKA_PASSTHROUGH));
        admin.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.get(Setting.BOOTSTRAP_SERVERS));
        return admin;
    }

    /**
     * Dead letters are written from inside error handlers: registering their schema there would put a registry
     * write on the error path, so with auto-registration on it happens once, here.
     */
    private static void registerDeadLetterSchemas(LinkrxConfig config) {
        io.linkrx.registry.SchemaRegistryClient registry = io.linkrx.registry.SchemaRegistryClients.fromConfig(config.serdeConfig());
        Topics.valueSchemas().forEach((topic, schema) -> {
            if (schema.equals(io.linkrx.schema.DeadLetter.getClassSchema())) {
                registry.register(io.linkrx.serde.Subjects.topicName(topic, false), schema);
            }
        });
    }

    /** Replace a failed thread (transient failures such as a registry outage heal by retrying), unless it keeps failing. */
    private synchronized StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onUncaughtException(Throwable e) {
        Instant now = Instant.now();
        replacements.addLast(now);
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(REPLACEMENT_WINDOW))) {
            replacements.removeFirst();
        }
        if (replacements.size() > MAX_THREAD_REPLACEMENTS) {
            LOG.error("Stream thread failed {} times in {}; shutting down this instance ({})", replacements.size(),
                    REPLACEMENT_WINDOW, e.getClass().getName());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.warn("Stream thread failed ({}); replacing it", e.getClass().getName());
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /**
     * Waits until the streams are RUNNING.
     *
     * @throws IllegalStateException when they are not within {@code timeout} or fail (state ERROR)
     */
    public void awaitRunning(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("linkrx did not become RUNNING within " + timeout + " (state " + state() + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for linkrx to run", e);
            }
        }
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public int opsPort() {
        return ops.port();
    }

    /** Commits what is in flight and leaves the consumer group, so another instance takes over at once. */
    @Override
    public void close() {
        LOG.info("linkrx shutting down");
        streams.close(CloseOptions.timeout(shutdownTimeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        stages.close(); // after Streams: no note is being re-ranked any more
        streamsMetrics.close();
        ops.close();
        Metrics.removeRegistry(metrics);
        metrics.close();
    }
}
