package io.linkrx.it.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Kafka cluster for integration tests, shared by every test class of the JVM: started on first use,
 * stopped when the test run ends. Testcontainers when Docker is available, the in-process
 * {@code KafkaClusterTestKit} otherwise; {@code -Dlinkrx.it.kafka=auto|testkit|testcontainers} chooses.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
 * ...
 * KAFKA.createTopic("orders", 3);
 * props.put("bootstrap.servers", KAFKA.bootstrapServers());
 * </pre>
 */
public final class KafkaClusterExtension extends SharedResourceExtension<SharedKafkaCluster> {

    public KafkaClusterExtension() {
        super(SharedKafkaCluster.class);
    }

    @Override
    SharedKafkaCluster start() {
        return SharedKafkaCluster.start(KafkaMode.configured());
    }

    public String bootstrapServers() {
        return cluster().bootstrapServers();
    }

    /** What runs, e.g. "in-process KafkaClusterTestKit at localhost:41234". */
    public String description() {
        return cluster().description();
    }

    /** Minimal client configuration (bootstrap servers only); callers add serializers, ids and so on. */
    public Map<String, Object> clientConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** Creates single-partition topics and waits until they exist. */
    public void createTopics(String... names) {
        createTopics(Arrays.stream(names).map(name -> new NewTopic(name, 1, (short) 1)).toList());
    }

    /** Creates a topic (replication factor 1) and waits until it exists. */
    public void createTopic(String name, int partitions) {
        createTopics(List.of(new NewTopic(name, partitions, (short) 1)));
    }

    public void createTopics(List<NewTopic> topics) {
        try (Admin admin = Admin.create(clientConfig())) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics " + topics + " on " + description(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + topics + " on " + description(), e);
        }
    }

    private SharedKafkaCluster cluster() {
        return resource();
    }
}
