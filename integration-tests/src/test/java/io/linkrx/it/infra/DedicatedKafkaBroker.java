package io.linkrx.it.infra;

import io.linkrx.launcher.local.LocalKafkaBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A KRaft broker process of its own for one test class (the launcher's {@link LocalKafkaBroker}), for tests that
 * read the fixed teacher and model-event topics from the beginning and must not see other test classes' records
 * (the shared cluster of {@link KafkaClusterExtension} keeps them for the whole run).
 */
public final class DedicatedKafkaBroker implements BeforeAllCallback, AfterAllCallback {
    private LocalKafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = LocalKafkaBroker.start(ItWorkDirs.newDir("kafka-" + context.getRequiredTestClass().getSimpleName() + "-"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
