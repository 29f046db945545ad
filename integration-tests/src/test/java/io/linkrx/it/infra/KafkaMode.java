package io.linkrx.it.infra;

import java.util.Arrays;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Which Kafka the integration tests get: system property {@value #PROPERTY} = auto | testkit | testcontainers. */
public enum KafkaMode {
    /** Testcontainers when a Docker engine answers, the in-process test kit otherwise. */
    AUTO,
    /** {@code KafkaClusterTestKit}: a real KRaft broker and controller inside the test JVM. */
    TESTKIT,
    /** A {@code KafkaContainer} (needs a Docker engine). */
    TESTCONTAINERS;

    public static final String PROPERTY = "linkrx.it.kafka";

    static KafkaMode configured() {
        String value = System.getProperty(PROPERTY, "auto").trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + "=" + System.getProperty(PROPERTY)
                    + " is not one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT), e);
        }
    }

    /** AUTO resolved to what this machine can run. */
    KafkaMode resolve() {
        if (this != AUTO) {
            return this;
        }
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        LoggerFactory.getLogger(KafkaMode.class).info("{}=auto: {}", PROPERTY, docker
                ? "a Docker engine answers, using a Kafka container"
                : "no Docker engine, using the in-process Kafka test kit");
        return docker ? TESTCONTAINERS : TESTKIT;
    }
}
