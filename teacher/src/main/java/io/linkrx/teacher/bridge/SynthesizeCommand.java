package io.linkrx.teacher.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

import io.linkrx.app.topics.Topics;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBases;
import io.linkrx.kb.SemanticType;
import io.linkrx.schema.TeacherLabelingRequest;

/**
 * {@code ./linkrx teacher-bridge synthesize --kb <spec> ... [--covered <file>|none] [--types Disease,...]
 * [--max 100] [--depth 2] [--config f]}: publishes SYNTHESIZE requests for the KB concepts no label covers (a file
 * of covered concept ids, one per line, '#' comments), least covered MeSH subtrees first; the bridge answers them
 * with {@code linkrx.teacher.synthesis.sentences} sentences each.
 */
public final class SynthesizeCommand {
    static final String USAGE = """
            usage: ./linkrx teacher-bridge synthesize --kb <format>:<path> [--kb ...] [--covered <file>|none]
                                                      [--types Disease,Chemical,Drug] [--max 100] [--depth 2]
                                                      [--config <file.properties>]""";

    record Options(List<String> kbs, Optional<Path> covered, Set<SemanticType> types, int max, int depth,
                   Optional<Path> config) {
    }

    private SynthesizeCommand() {
    }

    /** Returns the process exit code. */
    public static int run(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        TeacherBridgeSettings settings = TeacherBridgeSettings.load(o.config(), System.getenv(), Map.of());
        KnowledgeBase kb = KnowledgeBases.load(String.join(",", o.kbs()));
        List<TeacherLabelingRequest> plan = plan(kb, o);
        publish(settings, plan);
        System.out.println("Published " + plan.size() + " synthesis requests to " + Topics.TEACHER_REQUESTS);
        return 0;
    }

    static List<TeacherLabelingRequest> plan(KnowledgeBase kb, Options o) {
        return new SynthesisRequests(kb, o.depth(), Clock.systemUTC()).plan(covered(o.covered()), o.types(), o.max());
    }

    /** Writes the requests (key: {@code synthesis}) with an idempotent producer and waits for them. */
    public static void publish(TeacherBridgeSettings settings, List<TeacherLabelingRequest> requests) {
        Topics topics = new Topics(settings.serdeConfig());
        Serializer<String> keys = topics.teacherRequests.keySerde().serializer();
        Serializer<TeacherLabelingRequest> values = topics.teacherRequests.valueSerde().serializer();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.producerConfig())) {
            for (TeacherLabelingRequest r : requests) {
                producer.send(new ProducerRecord<>(Topics.TEACHER_REQUESTS,
                        keys.serialize(Topics.TEACHER_REQUESTS, r.getPatientId()),
                        values.serialize(Topics.TEACHER_REQUESTS, r)));
            }
            producer.flush();
        }
    }

    static Options parse(String[] args) {
        List<String> kbs = new ArrayList<>();
        Optional<Path> covered = Optional.empty();
        Set<SemanticType> types = EnumSet.noneOf(SemanticType.class);
        int max = 100;
        int depth = 2;
        Optional<Path> config = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            i++;
            switch (a) {
                case "--kb" -> kbs.add(v);
                case "--covered" -> covered = v.equals("none") ? Optional.empty() : Optional.of(Path.of(v));
                case "--types" -> {
                    for (String t : v.split(",")) {
                        types.add(SemanticType.parse(t));
                    }
                }
                case "--max" -> max = positive(a, v);
                case "--depth" -> depth = positive(a, v);
                case "--config" -> config = Optional.of(Path.of(v));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (kbs.isEmpty()) {
            throw new IllegalArgumentException("--kb is required");
        }
        return new Options(kbs, covered, types, max, depth, config);
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a whole number of at least 1, was '" + value + "'");
    }

    private static Set<String> covered(Optional<Path> file) {
        Set<String> ids = new HashSet<>();
        if (file.isPresent()) {
            try {
                for (String line : Files.readAllLines(file.get())) {
                    String id = line.strip();
                    if (!id.isEmpty() && !id.startsWith("#")) {
                        ids.add(id);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read covered concept ids from " + file.get(), e);
            }
        }
        return ids;
    }
}
