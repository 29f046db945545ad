package io.linkrx.it.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.app.topics.Topics;
import io.linkrx.it.infra.ItWorkDirs;
import io.linkrx.it.infra.KafkaClusterExtension;
import io.linkrx.it.infra.SchemaRegistryExtension;
import io.linkrx.schema.ModelEvent;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.serving.repository.PinStore;
import io.linkrx.teacher.train.ModelCommand;
import io.linkrx.teacher.train.TrainerService;
import io.linkrx.teacher.train.TrainerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The trainer on the real broker and registry: labels on {@code teacher.labels.v1} land in its store, a
 * RETRAIN_REQUESTED (sent by {@code ./linkrx model retrain}) publishes the next version and answers PUBLISHED and
 * PROMOTED from real dev scores, the serving version stays pinned until then, and {@code ./linkrx model rollback}
 * sends ROLLED_BACK to the version pinned before.
 */
class TrainerIT {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    static final String[][] CONCEPTS = {
        {"D003924", "Disease", "Diabetes Mellitus, Type 2", "type 2 diabetes|NIDDM"},
        {"D009203", "Disease", "Myocardial Infarction", "heart attack|MI"},
        {"D001281", "Disease", "Atrial Fibrillation", "AF|auricular fibrillation"},
        {"D007676", "Disease", "Kidney Failure, Chronic", "chronic renal failure"},
        {"D006333", "Disease", "Heart Failure", "cardiac failure"},
    };
    static final String[][] EASY = {{"type II diabetes", "D003924"}, {"myocardial infarctions", "D009203"},
        {"atrial fibrilation", "D001281"}, {"renal failure, chronic", "D007676"}, {"heart failures", "D006333"}};
    static final String[][] HARD = {{"T2DM", "D003924"}, {"STEMI", "D009203"}, {"afib", "D001281"}, {"CKD", "D007676"}};

    @Test
    void labels_flow_in_a_retrain_is_published_and_promoted_and_a_rollback_goes_back() throws Exception {
        Path work = ItWorkDirs.newDir("trainer-");
        String model = "reranker-it-" + Long.toHexString(System.nanoTime());
        createTopics();
        Map<String, String> settings = settings(work, model);
        Map<String, String> env = env(settings);

        try (TrainerService trainer = new TrainerService(TrainerSettings.of(settings))) {
            trainer.start();
            // Given a first version (human documents only), published and promoted
            assertThat(model(env, "retrain", model)).isZero();
            List<ModelEvent> first = awaitEvents(model, 3);
            assertThat(first).extracting(ModelEvent::getEventType).containsExactly("RETRAIN_REQUESTED", "PUBLISHED", "PROMOTED");
            assertThat(first.get(2).getModelVersion()).isEqualTo("1");

            // When labels for abbreviations only labels teach arrive (and one unreadable record), and a retrain is requested
            byte[] garbage = ("garbage-" + model).getBytes(StandardCharsets.UTF_8);
            try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                    new org.apache.kafka.common.serialization.ByteArraySerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer())) {
                raw.send(new ProducerRecord<>(Topics.TEACHER_LABELS, "patient-x".getBytes(StandardCharsets.UTF_8), garbage)).get();
            }
            publishLabels(model);
            assertThat(model(env, "retrain", model)).isZero();
            List<ModelEvent> events = awaitEvents(model, 6);

            // Then version 2 is published beside 1 and promoted on a better dev Acc@1, while 1 stayed pinned
            ModelEvent published = events.get(4);
            ModelEvent decided = events.get(5);
            assertThat(published.getEventType()).isEqualTo("PUBLISHED");
            assertThat(published.getModelVersion()).isEqualTo("2");
            assertThat(published.getPreviousVersion()).isEqualTo("1");
            // (other tests on the same broker may have sent labels too)
            assertThat(published.getMetrics().get("labels_simulated")).isGreaterThanOrEqualTo(12.0);
            assertThat(published.getActor()).isEqualTo("trainer");
            assertThat(decided.getEventType()).isEqualTo("PROMOTED");
            assertThat(decided.getMetrics().get("dev_acc_at_1")).isGreaterThan(decided.getMetrics().get("serving_dev_acc_at_1"));
            Path modelDir = work.resolve("repo").resolve(model);
            assertThat(modelDir.resolve("2/model.onnx")).isNotEmptyFile();
            assertThat(PinStore.read(modelDir)).isEqualTo(OptionalLong.of(1));
            assertThat(trainer.labelStore().readAll()).filteredOn(l -> l.requestId().startsWith(model)).hasSize(12);
            assertThat(deadLetteredValues()).anySatisfy(v -> assertThat(v).isEqualTo(garbage));

            // When an operator rolls back, Then ROLLED_BACK names version 1 as the one to serve again
            assertThat(model(env, "rollback", model, "--reason", "IT")).isZero();
            ModelEvent rollback = awaitEvents(model, 7).get(6);
            assertThat(rollback.getEventType()).isEqualTo("ROLLED_BACK");
            assertThat(rollback.getModelVersion()).isEqualTo("2");
            assertThat(rollback.getPreviousVersion()).isEqualTo("1");
        }
    }

    private static Map<String, String> settings(Path work, String model) throws Exception {
        StringBuilder kb = new StringBuilder("# version: trainer-it-kb-1\n");
        for (String[] c : CONCEPTS) {
            kb.append(String.join("\t", c[0], "MESH", c[1], c[2], c[3])).append('\n');
        }
        Map<String, String> s = new HashMap<>();
        s.put("linkrx.trainer.bootstrap.servers", KAFKA.bootstrapServers());
        s.put("linkrx.trainer.schema.registry.url", REGISTRY.url());
        s.put("linkrx.trainer.schema.registry.auto.register", "true");
        s.put("linkrx.trainer.group.id", "trainer-it-" + model);
        s.put("linkrx.trainer.label.store.dir", work.resolve("labels").toString());
        s.put("linkrx.trainer.repository", work.resolve("repo").toString());
        s.put("linkrx.trainer.model", model);
        s.put("linkrx.trainer.kb.paths", Files.writeString(work.resolve("kb.tsv"), kb).toString());
        s.put("linkrx.trainer.human.corpora", corpus(work.resolve("human.PubTator"), 20, 1, EASY).toString());
        String[][] all = java.util.Arrays.copyOf(EASY, EASY.length + HARD.length);
        System.arraycopy(HARD, 0, all, EASY.length, HARD.length);
        s.put("linkrx.trainer.dev.corpus", corpus(work.resolve("dev.PubTator"), 12, 2, all).toString());
        s.put("linkrx.trainer.epochs", "5");
        return s;
    }

    /** The model command reads the same settings from the environment, as an operator's shell would give them. */
    private static Map<String, String> env(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        settings.forEach((k, v) -> env.put(k.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), v));
        return env;
    }

    private static int model(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return ModelCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    }

    private static Path corpus(Path file, int docs, long seed, String[][] variants) throws Exception {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int d = 0; d < docs; d++) {
            String id = Long.toString(seed * 1000 + d);
            String title = "Case " + d + ".";
            StringBuilder text = new StringBuilder("History of ");
            List<String> lines = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                String[] v = variants[random.nextInt(variants.length)];
                int begin = title.length() + 1 + text.length();
                text.append(v[0]);
                lines.add(String.join("\t", id, Integer.toString(begin), Integer.toString(begin + v[0].length()), v[0],
                        "Disease", v[1]));
                text.append(m < 2 ? " and " : ".");
            }
            out.append(id).append("|t|").append(title).append('\n').append(id).append("|a|").append(text).append('\n');
            lines.forEach(l -> out.append(l).append('\n'));
            out.append('\n');
        }
        return Files.writeString(file, out);
    }

    private static void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            for (String t : List.of(Topics.TEACHER_LABELS, Topics.MODEL_EVENTS, Topics.deadLetterTopicOf(Topics.TEACHER_LABELS))) {
                try {
                    admin.createTopics(List.of(new NewTopic(t, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static void publishLabels(String model) throws Exception {
        Topics topics = new Topics(Map.of("schema.registry.url", REGISTRY.url(), "auto.register.schemas", "true"));
        try (KafkaProducer<String, TeacherLabel> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                topics.teacherLabels.keySerde().serializer(), topics.teacherLabels.valueSerde().serializer())) {
            int n = 0;
            for (String[] h : HARD) {
                for (int copy = 0; copy < 3; copy++, n++) {
                    String context = "Seen today for " + h[0] + ", stable.";
                    TeacherLabel label = TeacherLabel.newBuilder().setRequestId(model + "-req-" + n).setNoteId(model + "-note-" + n)
                            .setMentionText(h[0]).setSemanticType("Disease").setChosenConceptId(h[1]).setVocabulary("MESH")
                            .setLabelSource("simulated").setTeacherModel("simulated:it").setContext(context)
                            .setMentionOffsetInContext(context.indexOf(h[0])).setLabeledAt(Instant.now()).build();
                    producer.send(new ProducerRecord<>(Topics.TEACHER_LABELS, "patient-" + n, label)).get();
                }
            }
        }
    }

    /** The original values of the dead letters of teacher.labels.v1. */
    private static List<byte[]> deadLetteredValues() {
        Topics topics = new Topics(Map.of("schema.registry.url", REGISTRY.url()));
        io.linkrx.serde.AvroDeserializer<io.linkrx.schema.DeadLetter> values =
                new io.linkrx.serde.AvroDeserializer<>(io.linkrx.schema.DeadLetter.getClassSchema(), null);
        values.configure(Map.of("schema.registry.url", REGISTRY.url()), false);
        String dlq = Topics.deadLetterTopicOf(Topics.TEACHER_LABELS);
        try (KafkaConsumer<String, io.linkrx.schema.DeadLetter> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", KAFKA.bootstrapServers()), topics.teacherLabels.keySerde().deserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<byte[]> out = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, io.linkrx.schema.DeadLetter> r : consumer.poll(Duration.ofMillis(500))) {
                    java.nio.ByteBuffer b = r.value().getOriginalValue();
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    out.add(bytes);
                }
            }
            return out;
        }
    }

    /** This model's events, in order, once there are at least {@code n}. */
    private static List<ModelEvent> awaitEvents(String model, int n) throws InterruptedException {
        Topics topics = new Topics(Map.of("schema.registry.url", REGISTRY.url()));
        Instant deadline = Instant.now().plus(TIMEOUT);
        try (KafkaConsumer<String, ModelEvent> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", KAFKA.bootstrapServers(), "isolation.level", "read_committed"),
                topics.modelEvents.keySerde().deserializer(), topics.modelEvents.valueSerde().deserializer())) {
            // other ITs may have created the topic with several partitions; one model's events share one (its key)
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MODEL_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ModelEvent> events = new ArrayList<>();
            while (events.size() < n && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, ModelEvent> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && model.equals(r.value().getModelName())) {
                        events.add(r.value());
                    }
                }
            }
            assertThat(events).as("events of %s", model).hasSizeGreaterThanOrEqualTo(n);
            return events;
        }
    }
}
