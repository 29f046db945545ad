package io.linkrx.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.registry.InMemorySchemaRegistry;
import io.linkrx.schema.ClinicalNote;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
    static final String TOPIC = "ehr.notes.v1";
    static final String SCOPE = "serde-test";
    final Map<String, Object> autoRegister = Map.of("schema.registry.url", "mem://" + SCOPE, "auto.register.schemas", "true");
    final Map<String, Object> noAutoRegister = Map.of("schema.registry.url", "mem://" + SCOPE);

    SpecificAvroSerde<ClinicalNote> serde = new SpecificAvroSerde<>(ClinicalNote.class);

    @BeforeEach
    void configure() {
        serde.configure(autoRegister, false);
    }

    @AfterEach
    void forgetRegistry() {
        InMemorySchemaRegistry.dropScope(SCOPE);
    }

    static ClinicalNote note() {
        return ClinicalNote.newBuilder().setNoteId("n-1").setPatientId("p-1").setNoteType("PROGRESS_NOTE")
                .setText("Denies chest pain.").setEventTime(Instant.parse("2026-10-01T10:00:00Z")).build();
    }

    @Test
    void writes_the_confluent_wire_format_byte_for_byte() throws Exception {
        byte[] bytes = serde.serializer().serialize(TOPIC, note());

        int id = InMemorySchemaRegistry.scope(SCOPE).lookup("ehr.notes.v1-value", ClinicalNote.getClassSchema());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(0);
        expected.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
        new SpecificDatumWriter<>(ClinicalNote.class).write(note(), encoder);
        encoder.flush();
        assertThat(bytes).isEqualTo(expected.toByteArray());
    }

    @Test
    void round_trips_a_specific_record() {
        byte[] bytes = serde.serializer().serialize(TOPIC, note());

        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(note());
    }

    @Test
    void an_older_reader_reads_a_record_written_with_a_newer_schema() {
        Schema newer = withExtraField(ClinicalNote.getClassSchema());
        GenericRecord record = new GenericData.Record(newer);
        note().getSchema().getFields().forEach(f -> record.put(f.name(), genericValue(note().get(f.name()))));
        record.put("ward", "4B");
        AvroSerializer<GenericRecord> newProducer = new AvroSerializer<>();
        newProducer.configure(autoRegister, false);

        byte[] bytes = newProducer.serialize(TOPIC, record);

        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(note());
    }

    private static Object genericValue(Object v) {
        return v instanceof Instant i ? i.toEpochMilli() : v;
    }

    private static Schema withExtraField(Schema schema) {
        String json = schema.toString().replace("\"fields\":[",
                "\"fields\":[{\"name\":\"ward\",\"type\":[\"null\",\"string\"],\"default\":null},");
        return new Schema.Parser().parse(json);
    }

    @Test
    void generic_serde_reads_with_the_writer_schema() {
        byte[] bytes = serde.serializer().serialize(TOPIC, note());
        GenericAvroSerde generic = new GenericAvroSerde();
        generic.configure(noAutoRegister, false);

        GenericRecord read = generic.deserializer().deserialize(TOPIC, bytes);

        assertThat(read.get("noteId").toString()).isEqualTo("n-1");
        assertThat(read.getSchema()).isEqualTo(ClinicalNote.getClassSchema());
    }

    @Test
    void refuses_to_write_an_unregistered_schema_when_auto_register_is_off() {
        SpecificAvroSerde<ClinicalNote> strict = new SpecificAvroSerde<>(ClinicalNote.class);
        strict.configure(noAutoRegister, false);

        assertThatThrownBy(() -> strict.serializer().serialize(TOPIC, note()))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.code()).isEqualTo(WireFormatException.Code.SCHEMA_NOT_REGISTERED));
    }

    @Test
    void names_what_is_wrong_with_bad_bytes_without_echoing_them() {
        byte[] good = serde.serializer().serialize(TOPIC, note());
        byte[] unknownId = good.clone();
        unknownId[4] = 99;
        byte[] json = "{\"text\":\"secret\"}".getBytes();
        byte[] truncated = Arrays.copyOf(good, good.length - 5);

        assertCode(json, WireFormatException.Code.UNKNOWN_MAGIC_BYTE);
        assertCode(new byte[] {0, 0}, WireFormatException.Code.TOO_SHORT);
        assertCode(unknownId, WireFormatException.Code.UNKNOWN_SCHEMA_ID);
        assertCode(truncated, WireFormatException.Code.MALFORMED_AVRO);
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, json)).message().doesNotContain("secret");
    }

    private void assertCode(byte[] bytes, WireFormatException.Code code) {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
