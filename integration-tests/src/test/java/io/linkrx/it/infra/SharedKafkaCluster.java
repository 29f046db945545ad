package io.linkrx.it.infra;

import org.junit.jupiter.api.extension.ExtensionContext;

/** One Kafka cluster for the whole test JVM, closed by JUnit when the root extension context closes. */
interface SharedKafkaCluster extends ExtensionContext.Store.CloseableResource {

    String bootstrapServers();

    /** What runs, for logs and assertion messages. */
    String description();

    static SharedKafkaCluster start(KafkaMode mode) {
        return switch (mode.resolve()) {
            case TESTCONTAINERS -> ContainerKafkaCluster.start();
            case TESTKIT -> TestKitKafkaCluster.start();
            case AUTO -> throw new IllegalStateException("unresolved mode");
        };
    }
}
