package io.linkrx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.linkrx.it.infra.ItWorkDirs;
import io.linkrx.it.infra.KafkaClients;
import io.linkrx.launcher.local.LocalKafkaBroker;
import io.linkrx.launcher.local.WorkDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The demo's broker: a separate process that supports transactions and leaves nothing behind. */
class LocalKafkaBrokerIT {

    @Test
    void runsTransactionsAndStopsCompletely() throws Exception {
        Path workDir = ItWorkDirs.newDir("local-broker-");
        ProcessHandle process;
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(workDir)) {
            process = broker.processHandle();
            assertThat(process.isAlive()).isTrue();
            assertThat(process.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");

            String topic = "local-broker-tx";
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer =
                         KafkaClients.transactionalProducer(broker.bootstrapServers(), "local-broker-it")) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "patient-7", "note-linked"));
                producer.commitTransaction();
            }
            try (KafkaConsumer<String, String> consumer =
                         KafkaClients.readCommittedConsumer(broker.bootstrapServers())) {
                List<ConsumerRecord<String, String>> records = KafkaClients.readToEnd(
                        consumer, new TopicPartition(topic, 0), 1, Duration.ofSeconds(30));
                assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                        .containsExactly(tuple("patient-7", "note-linked"));
            }
        }

        assertThat(process.isAlive()).as("broker process %d after close()", process.pid()).isFalse();
        assertThat(ProcessHandle.current().children().map(ProcessHandle::pid)).doesNotContain(process.pid());
        WorkDirs.deleteRecursively(workDir);
        assertThat(Files.exists(workDir)).isFalse();
    }
}
