package io.linkrx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.it.infra.SchemaRegistryExtension;
import io.linkrx.registry.ConfluentRestClient;
import io.linkrx.registry.RegistryClientConfig;
import io.linkrx.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** linkrx's registry client against the real registry: idempotent under races, strict on incompatibility. */
class RegistryClientIT {
    @RegisterExtension
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();

    final Schema v1 = SchemaBuilder.record("Letter").namespace("io.linkrx.it").fields().requiredString("reason").endRecord();

    ConfluentRestClient newClient() {
        return new ConfluentRestClient(RegistryClientConfig.from(Map.of("schema.registry.url", REGISTRY.url())));
    }

    @Test
    void independent_clients_registering_a_new_subject_at_once_all_get_its_id() throws Exception {
        String subject = "race-" + UUID.randomUUID() + "-value";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Integer> register = () -> newClient().register(subject, v1);
            ids.add(pool.submit(register));
        }
        List<Integer> got = new ArrayList<>();
        for (Future<Integer> f : ids) {
            got.add(f.get());
        }
        pool.shutdown();

        assertThat(got).doesNotContainNull().containsOnly(got.get(0));
        assertThat(newClient().lookup(subject, v1)).isEqualTo(got.get(0));
    }

    @Test
    void every_topic_schema_registers_and_is_found_again_by_a_fresh_client() {
        for (Schema schema : io.linkrx.schema.TopicSchemas.ALL) {
            String subject = "topic-" + UUID.randomUUID() + "-value";
            int id = newClient().register(subject, schema);

            assertThat(newClient().lookup(subject, schema)).as(schema.getName()).isEqualTo(id);
            assertThat(newClient().register(subject, schema)).as(schema.getName()).isEqualTo(id);
        }
    }

    @Test
    void an_incompatible_schema_is_still_refused() {
        String subject = "strict-" + UUID.randomUUID() + "-value";
        ConfluentRestClient client = newClient();
        client.register(subject, v1);
        client.setCompatibility(subject, "BACKWARD");
        Schema breaking = SchemaBuilder.record("Letter").namespace("io.linkrx.it").fields()
                .requiredString("reason").requiredInt("severity").endRecord();

        assertThat(client.isCompatible(subject, breaking)).isFalse();
        assertThatThrownBy(() -> client.register(subject, breaking))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
    }
}
