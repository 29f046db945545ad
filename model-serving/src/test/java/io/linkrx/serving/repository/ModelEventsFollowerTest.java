package io.linkrx.serving.repository;

import static io.linkrx.serving.repository.TestRepos.model;
import static io.linkrx.serving.repository.TestRepos.rowSumConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.registry.InMemorySchemaRegistry;
import io.linkrx.schema.ModelEvent;
import io.linkrx.serde.AvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follower against a real in-process Kafka broker and the Confluent wire format. */
class ModelEventsFollowerTest {
    private static final String TOPIC = "mlops.model-events.v1";
    private static final String REGISTRY = "mem://model-events-follower-test";
    private static KafkaClusterTestKit cluster;

    @TempDir
    Path repo;

    @BeforeAll
    static void startKafka() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction()).build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        Map.of("default.replication.factor", "1", "min.insync.replicas", "1", "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "1", "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1").forEach(builder::setConfigProp);
        cluster = builder.build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        InMemorySchemaRegistry.dropScope(REGISTRY.substring("mem://".length()));
    }

    private static ModelEvent event(String type, String model, String version, String previous) {
        return ModelEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setEventType(type).setModelName(model)
                .setModelVersion(version).setPreviousVersion(previous).setOccurredAt(Instant.now()).build();
    }

    private static KafkaProducer<String, ModelEvent> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        AvroSerializer<ModelEvent> values = new AvroSerializer<>();
        values.configure(Map.of("schema.registry.url", REGISTRY, "auto.register.schemas", "true"), false);
        return new KafkaProducer<>(p, new StringSerializer(), values);
    }

    private static void send(KafkaProducer<String, ModelEvent> producer, ModelEvent e) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, e.getModelName(), e)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void replaysToTheLastDecisionThenFollowsPromotionsAndRollbacks() throws Exception {
        model(repo, "reranker", rowSumConfig("reranker", 8, ""), 1, 2, 3);
        int firstLoad = TestRowSumLoader.LOADED.size();
        ModelRepository repository = new ModelRepository(repo, RepositoryOptions.defaults().withPollInterval(Duration.ZERO),
                ModelLoaders.discover(), RepositoryListener.NONE);
        repository.poll();
        try (KafkaProducer<String, ModelEvent> producer = producer();
             KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", cluster.bootstrapServers()),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            // history before the sidecar starts: only the last decision counts
            send(producer, event("PUBLISHED", "reranker", "3", null));
            send(producer, event("PROMOTED", "reranker", "2", "3"));
            raw.send(new ProducerRecord<>(TOPIC, "reranker".getBytes(), new byte[] {9, 9, 9, 9, 9, 9})).get(30, TimeUnit.SECONDS);
            send(producer, event("PROMOTED", "not-served-here", "5", null));
            send(producer, event("PROMOTED", "reranker", "1", "2"));

            ModelEventsFollower follower = ModelEventsFollower.create(repository, TOPIC,
                    Map.of("bootstrap.servers", cluster.bootstrapServers()), Map.of("schema.registry.url", REGISTRY));
            try {
                follower.start();
                await(follower::caughtUp);
                assertThat(servingVersion(repository)).isEqualTo("1");
                assertThat(repository.pinned("reranker")).contains("1");
                // version 2 was promoted once, but superseded before the sidecar started: never loaded
                assertThat(TestRowSumLoader.LOADED.subList(firstLoad, TestRowSumLoader.LOADED.size()))
                        .extracting(m -> m.version()).containsExactly("3", "1");

                send(producer, event("ROLLED_BACK", "reranker", "1", "3"));
                await(() -> "3".equals(servingVersion(repository)));

                send(producer, event("PROMOTED", "reranker", "4", "3")); // its files arrive after the event
                Thread.sleep(300);
                assertThat(servingVersion(repository)).isEqualTo("3");
                TestRepos.version(repo, "reranker", 4);
                await(() -> "4".equals(servingVersion(repository)));
                assertThat(repository.pinned("reranker")).contains("4");
            } finally {
                follower.close();
                repository.close();
            }
        }
    }

    @Test
    void onlyPromotionsAndRollbacksPin() {
        assertThat(ModelEventsFollower.pinFor(event("PROMOTED", "m", "7", "6"))).contains(new ModelEventsFollower.Pin("m", "7"));
        assertThat(ModelEventsFollower.pinFor(event("ROLLED_BACK", "m", "7", "6"))).contains(new ModelEventsFollower.Pin("m", "6"));
        assertThat(ModelEventsFollower.pinFor(event("ROLLED_BACK", "m", "7", null))).isEmpty();
        assertThat(ModelEventsFollower.pinFor(event("PUBLISHED", "m", "7", null))).isEmpty();
        assertThat(ModelEventsFollower.pinFor(event("RETRAIN_REQUESTED", "m", null, null))).isEmpty();
    }

    private static String servingVersion(ModelRepository repository) {
        return repository.status("reranker").orElseThrow().servingVersion();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
