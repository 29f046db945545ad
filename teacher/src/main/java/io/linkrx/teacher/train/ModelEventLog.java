package io.linkrx.teacher.train;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import io.linkrx.app.topics.Topic;
import io.linkrx.schema.ModelEvent;

/** Reads the whole model-events topic once (all partitions, no consumer group), in partition order. */
final class ModelEventLog {
    private ModelEventLog() {
    }

    static List<ModelEvent> readAll(Map<String, Object> kafka, Topic<String, ModelEvent> topic) {
        Map<String, Object> props = new java.util.HashMap<>(kafka);
        props.put("enable.auto.commit", "false");
        props.put("isolation.level", "read_committed");
        props.remove("group.id");
        try (Consumer<String, ModelEvent> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
            List<ModelEvent> out = new ArrayList<>();
            if (infos == null || infos.isEmpty()) {
                return out;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, ModelEvent> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null) {
                        out.add(r.value());
                    }
                }
            }
            // events of one model share a key, hence a partition: their order is kept
            return out;
        }
    }
}
