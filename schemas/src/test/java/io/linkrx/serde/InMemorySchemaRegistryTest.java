package io.linkrx.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.registry.InMemorySchemaRegistry;
import io.linkrx.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {
    final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    final Schema v1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
    final Schema v2 = SchemaBuilder.record("R").fields().requiredString("a").optionalString("b").endRecord();
    final Schema breaking = SchemaBuilder.record("R").fields().requiredString("a").requiredInt("c").endRecord();

    @Test
    void registration_is_idempotent_and_versions_grow() {
        int id1 = registry.register("s", v1);
        int again = registry.register("s", v1);
        int id2 = registry.register("s", v2);

        assertThat(again).isEqualTo(id1);
        assertThat(registry.latest("s").version()).isEqualTo(2);
        assertThat(registry.latest("s").id()).isEqualTo(id2);
        assertThat(registry.schemaById(id1)).isEqualTo(v1);
    }

    @Test
    void rejects_an_incompatible_schema_with_409_like_a_real_registry() {
        registry.register("s", v1);

        assertThat(registry.isCompatible("s", breaking)).isFalse();
        assertThatThrownBy(() -> registry.register("s", breaking))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
    }
}
