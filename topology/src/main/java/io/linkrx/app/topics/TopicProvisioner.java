package io.linkrx.app.topics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics that do not exist yet (demo, tests, or platforms that let apps own their topics). */
public final class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {}

    public static void createMissing(Map<String, Object> adminConfig, List<String> topics, int partitions, short replicationFactor) {
        try (Admin admin = Admin.create(Map.copyOf(withTimeouts(adminConfig)))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, replicationFactor)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                LOG.info("Created topics {} ({} partitions, replication factor {})",
                        missing.stream().map(NewTopic::name).toList(), partitions, replicationFactor);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("Cannot create topics: " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    private static Map<String, Object> withTimeouts(Map<String, Object> config) {
        var out = new java.util.HashMap<>(config);
        out.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return out;
    }
}
