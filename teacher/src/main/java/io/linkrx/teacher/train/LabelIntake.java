package io.linkrx.teacher.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

import io.linkrx.app.errors.DeadLetters;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.serde.WireFormatException;

/**
 * Reads a polled batch of {@code teacher.labels.v1}: readable labels go to the store, unreadable records to
 * {@code teacher.labels.v1.dlq.v1} (never dropped), and a partition whose schema cannot be fetched because the
 * registry is down stops at that record, to be read again.
 */
final class LabelIntake {
    /** A record that cannot be read, and why. */
    record Unreadable(DeadLetters.FailedRecord record, Exception error) {
    }

    /**
     * What a batch yields: labels to store, records to dead-letter, offsets to commit after both, positions to
     * read again, and where the batch began per partition (to read it all again if dead-lettering fails).
     */
    record Batch(List<StoredLabel> labels, List<Unreadable> unreadable, Map<TopicPartition, OffsetAndMetadata> commit,
                 Map<TopicPartition, Long> retryFrom, Map<TopicPartition, Long> firstOffsets) {
    }

    private final Deserializer<TeacherLabel> deserializer;

    LabelIntake(Deserializer<TeacherLabel> deserializer) {
        this.deserializer = deserializer;
    }

    Batch read(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        List<StoredLabel> labels = new ArrayList<>();
        List<Unreadable> dead = new ArrayList<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        Map<TopicPartition, Long> retry = new HashMap<>();
        Set<TopicPartition> stopped = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            first.putIfAbsent(tp, r.offset());
            if (stopped.contains(tp)) {
                continue;
            }
            if (r.value() != null) {
                try {
                    labels.add(StoredLabel.of(deserializer.deserialize(r.topic(), r.headers(), r.value())));
                } catch (WireFormatException e) {
                    if (e.retryable()) {
                        stopped.add(tp);
                        retry.put(tp, r.offset());
                        continue;
                    }
                    dead.add(deadLetter(r, e));
                } catch (RuntimeException e) {
                    dead.add(deadLetter(r, e));
                }
            }
            commit.put(tp, new OffsetAndMetadata(r.offset() + 1));
        }
        return new Batch(labels, dead, commit, retry, first);
    }

    private static Unreadable deadLetter(ConsumerRecord<byte[], byte[]> r, Exception e) {
        return new Unreadable(new DeadLetters.FailedRecord(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(),
                r.value(), r.headers()), e);
    }
}
