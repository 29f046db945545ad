package io.linkrx.teacher.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.linkrx.app.errors.DeadLetters;
import io.linkrx.app.topics.Topics;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.serde.AvroDeserializer;

/** Unreadable label records are dead-lettered with their bytes and committed past; tombstones are skipped. */
class LabelIntakeTest {
    private final LabelIntake intake = intake();

    private static LabelIntake intake() {
        // an unreachable registry: these records fail on their wire-format header before any lookup
        AvroDeserializer<TeacherLabel> values = new AvroDeserializer<>(TeacherLabel.getClassSchema(), null);
        values.configure(Map.of("schema.registry.url", "http://127.0.0.1:9"), false);
        return new LabelIntake(values);
    }

    @Test
    void anUnreadableLabelIsDeadLetteredAndCommittedPast() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> bad = new ConsumerRecord<>(Topics.TEACHER_LABELS, 0, 41, "p1".getBytes(StandardCharsets.UTF_8), garbage);
        ConsumerRecord<byte[], byte[]> tombstone = new ConsumerRecord<>(Topics.TEACHER_LABELS, 0, 42, null, null);

        LabelIntake.Batch batch = intake.read(List.of(bad, tombstone));

        assertThat(batch.labels()).isEmpty();
        assertThat(batch.unreadable()).hasSize(1);
        DeadLetters.FailedRecord failed = batch.unreadable().get(0).record();
        assertThat(failed.offset()).isEqualTo(41);
        assertThat(failed.key()).isEqualTo("p1".getBytes(StandardCharsets.UTF_8));
        assertThat(failed.value()).isEqualTo(garbage);
        assertThat(batch.unreadable().get(0).error()).isInstanceOf(io.linkrx.serde.WireFormatException.class);
        assertThat(batch.commit()).containsEntry(new TopicPartition(Topics.TEACHER_LABELS, 0), new OffsetAndMetadata(43));
        assertThat(batch.retryFrom()).isEmpty();
        assertThat(batch.firstOffsets()).containsEntry(new TopicPartition(Topics.TEACHER_LABELS, 0), 41L);
    }
}
