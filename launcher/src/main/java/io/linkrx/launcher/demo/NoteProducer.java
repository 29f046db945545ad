package io.linkrx.launcher.demo;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.linkrx.app.topics.Topics;
import io.linkrx.schema.ClinicalNote;

/** Publishes notes to {@code ehr.notes.v1} keyed by patient id, as an EHR feed would (idempotent, acks=all). */
public final class NoteProducer {
    private NoteProducer() {
    }

    public static void publish(List<ClinicalNote> notes, String bootstrap, Map<String, Object> serdeConfig) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        var valueSerializer = new io.linkrx.serde.AvroSerializer<ClinicalNote>();
        valueSerializer.configure(serdeConfig, false);
        try (KafkaProducer<String, ClinicalNote> producer = new KafkaProducer<>(props, new StringSerializer(), valueSerializer)) {
            for (ClinicalNote note : notes) {
                producer.send(new ProducerRecord<>(Topics.NOTES, note.getPatientId(), note));
            }
            producer.flush();
        }
    }
}
