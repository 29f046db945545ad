package io.linkrx.it.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: a transactional producer and consumers of either isolation level. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** A producer with {@code initTransactions()} already done. */
    public static KafkaProducer<String, String> transactionalProducer(String bootstrapServers, String transactionalId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }

    /** A consumer without a group (tests assign partitions themselves) that sees committed records only. */
    public static KafkaConsumer<String, String> readCommittedConsumer(String bootstrapServers) {
        return consumer(bootstrapServers, "read_committed");
    }

    /** Sees every record written, aborted transactions included: the contrast to {@link #readCommittedConsumer}. */
    public static KafkaConsumer<String, String> readUncommittedConsumer(String bootstrapServers) {
        return consumer(bootstrapServers, "read_uncommitted");
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers, String isolationLevel) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * Reads one partition from the start until at least {@code expected} records arrived, then on up to the
     * consumer's end offset (for read_committed: the last stable offset), so the result is everything visible
     * to it, nothing more. Waiting for the records first matters: {@code commitTransaction()} returns before the
     * broker has written the commit markers, so right after it the last stable offset may lag behind.
     */
    public static List<ConsumerRecord<String, String>> readToEnd(KafkaConsumer<String, String> consumer,
            TopicPartition partition, int expected, Duration timeout) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < expected
                || consumer.position(partition, timeout) < consumer.endOffsets(List.of(partition), timeout).get(partition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + expected + " records in " + partition + " within "
                        + timeout + ", read " + records.size() + ": " + records);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
