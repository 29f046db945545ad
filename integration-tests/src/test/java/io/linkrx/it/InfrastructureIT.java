package io.linkrx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkrx.it.infra.KafkaClients;
import io.linkrx.it.infra.KafkaClusterExtension;
import io.linkrx.it.infra.SchemaRegistryExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared test infrastructure works: a real schema registry and a real broker with transactions. */
class InfrastructureIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();

    private static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String PING_SCHEMA = """
            {"type":"record","name":"Ping","namespace":"io.linkrx.it",\
            "fields":[{"name":"id","type":"string"},{"name":"sentAt","type":"long"}]}""";

    @Test
    void registersAnAvroSchemaThroughTheConfluentApi() throws Exception {
        String subject = "it-" + UUID.randomUUID() + "-value";

        HttpResponse<String> registered = post("/subjects/" + subject + "/versions", Map.of("schema", PING_SCHEMA));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        int id = JSON.readTree(registered.body()).path("id").asInt(-1);
        assertThat(id).isPositive();

        HttpResponse<String> byId = get("/schemas/ids/" + id);
        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
        JsonNode returned = JSON.readTree(JSON.readTree(byId.body()).path("schema").asText());
        assertThat(returned).isEqualTo(JSON.readTree(PING_SCHEMA));

        // registering the same schema again is idempotent: same id, still one version
        HttpResponse<String> again = post("/subjects/" + subject + "/versions", Map.of("schema", PING_SCHEMA));
        assertThat(JSON.readTree(again.body()).path("id").asInt()).isEqualTo(id);
        JsonNode latest = JSON.readTree(get("/subjects/" + subject + "/versions/latest").body());
        assertThat(latest.path("version").asInt()).isEqualTo(1);
        assertThat(latest.path("id").asInt()).isEqualTo(id);
    }

    @Test
    void readCommittedConsumerSeesCommittedRecordsOnly() {
        String topic = "it-tx-" + UUID.randomUUID();
        KAFKA.createTopics(topic);

        try (KafkaProducer<String, String> producer =
                     KafkaClients.transactionalProducer(KAFKA.bootstrapServers(), "it-tx-" + UUID.randomUUID())) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "patient-1", "aborted"));
            producer.flush(); // written to the log, then aborted (unflushed sends would just be dropped)
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "patient-1", "committed"));
            producer.commitTransaction();
        }

        TopicPartition partition = new TopicPartition(topic, 0);
        // the aborted record is in the log, before the committed one...
        try (KafkaConsumer<String, String> consumer = KafkaClients.readUncommittedConsumer(KAFKA.bootstrapServers())) {
            assertThat(KafkaClients.readToEnd(consumer, partition, 2, Duration.ofSeconds(30)))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("aborted", "committed");
        }
        // ...and a read_committed consumer reads past it without seeing it
        try (KafkaConsumer<String, String> consumer = KafkaClients.readCommittedConsumer(KAFKA.bootstrapServers())) {
            List<ConsumerRecord<String, String>> records =
                    KafkaClients.readToEnd(consumer, partition, 1, Duration.ofSeconds(30));
            assertThat(records).as(KAFKA.description())
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("patient-1", "committed"));
        }
    }

    private static HttpResponse<String> post(String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(REGISTRY.url() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", CONFLUENT_JSON)
                .header("Accept", CONFLUENT_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(REGISTRY.url() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", CONFLUENT_JSON)
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
