package io.linkrx.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Guards topic contracts: every schema must stay BACKWARD compatible with its committed previous version in
 * {@code schemas/compat/} (consumers upgraded first can read what old producers still write). To release a
 * new contract version, run with {@code -Dlinkrx.schemas.snapshot=true} and commit the updated snapshots.
 */
class SchemaEvolutionTest {
    static final Path SNAPSHOTS = Path.of("compat");
    static final java.util.List<Schema> schemas = TopicSchemas.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("schemas")
    void current_schema_reads_what_the_previous_version_wrote(Schema current) throws IOException {
        Path snapshot = SNAPSHOTS.resolve(current.getName() + ".avsc");
        if (Boolean.getBoolean("linkrx.schemas.snapshot")) {
            Files.writeString(snapshot, current.toString(true) + "\n");
        }
        assertThat(snapshot).as("committed previous version of %s (create with -Dlinkrx.schemas.snapshot=true)",
                current.getName()).exists();
        Schema previous = new Schema.Parser().parse(snapshot.toFile());

        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, previous);

        assertThat(result.getType()).as("%s must stay BACKWARD compatible: %s", current.getName(), result.getDescription())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("schemas")
    void every_field_is_documented(Schema current) {
        assertThat(current.getDoc()).as("doc of %s", current.getName()).isNotBlank();
        assertFieldsDocumented(current, new java.util.HashSet<>());
    }

    private static void assertFieldsDocumented(Schema schema, java.util.Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                for (Schema.Field field : schema.getFields()) {
                    assertThat(field.doc()).as("doc of %s.%s", schema.getName(), field.name()).isNotBlank();
                    assertFieldsDocumented(field.schema(), seen);
                }
            }
            case ARRAY -> assertFieldsDocumented(schema.getElementType(), seen);
            case MAP -> assertFieldsDocumented(schema.getValueType(), seen);
            case UNION -> schema.getTypes().forEach(t -> assertFieldsDocumented(t, seen));
            default -> { }
        }
    }

    @Test
    void the_check_rejects_a_new_field_without_default() {
        Schema previous = SchemaBuilder.record("X").fields().requiredString("a").endRecord();
        Schema next = SchemaBuilder.record("X").fields().requiredString("a").requiredString("b").endRecord();

        var result = SchemaCompatibility.checkReaderWriterCompatibility(next, previous);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }
}
