package io.linkrx.it.infra;

import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kafka in a container (Testcontainers), where a Docker engine is available. */
final class ContainerKafkaCluster implements SharedKafkaCluster {

    public static final String IMAGE_PROPERTY = "linkrx.it.kafka.image";
    static final String DEFAULT_IMAGE = "apache/kafka:4.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerKafkaCluster.class);

    private final KafkaContainer container;

    private ContainerKafkaCluster(KafkaContainer container) {
        this.container = container;
    }

    @SuppressWarnings("resource") // closed by close(), when JUnit closes the root context
    static ContainerKafkaCluster start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(KafkaMode.PROPERTY + "=testcontainers needs a Docker engine and none"
                    + " answers here; use -D" + KafkaMode.PROPERTY + "=testkit (or auto)");
        }
        long started = System.nanoTime();
        String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
        // the image's single-node defaults already set RF/min ISR 1 (transactions included); stated for clarity
        KafkaContainer container = new KafkaContainer(image)
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        LOG.info("Kafka container {} ready at {} in {} ms", image, container.getBootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new ContainerKafkaCluster(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "Kafka container " + container.getDockerImageName() + " at " + bootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
