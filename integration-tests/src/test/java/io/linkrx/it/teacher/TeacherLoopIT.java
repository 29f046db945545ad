package io.linkrx.it.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.it.infra.ItWorkDirs;
import io.linkrx.it.infra.DedicatedKafkaBroker;
import io.linkrx.it.infra.SchemaRegistryExtension;
import io.linkrx.launcher.loop.LoopData;
import io.linkrx.launcher.loop.TeacherLoop;
import io.linkrx.launcher.local.LocalSidecar;
import io.linkrx.link.MentionDictionary;
import io.linkrx.link.RerankerBundle;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.serving.repository.PinStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole teacher loop on a real broker, a real registry and a real sidecar process, with the simulated teacher
 * answering from the demo notes' gold links: the app asks only about uncertain mentions, the labels flow back to the
 * trainer, a retrain publishes version 2, its promotion reaches the sidecar (pin) and the app (no restart), and the
 * notes linked afterwards name version 2.
 */
class TeacherLoopIT {
    @RegisterExtension
    static final DedicatedKafkaBroker KAFKA = new DedicatedKafkaBroker();
    @RegisterExtension
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();
    /** The app's defaults (linkrx.teacher.min.score / min.margin). */
    static final double MIN_SCORE = 0.7;
    static final double MIN_MARGIN = 0.1;

    @Test
    void uncertain_mentions_are_labelled_by_the_teacher_and_the_promoted_retrain_is_followed() throws Exception {
        Path work = ItWorkDirs.newDir("teacher-loop-");
        LoopData data = LoopData.demo(Files.createDirectories(work.resolve("data")));
        try (LocalSidecar sidecar = LocalSidecar.start(work.resolve("sidecar"),
                TeacherLoop.sidecarSettings(KAFKA.bootstrapServers(), REGISTRY.url()))) {
            // Given version 1 trained on the seed notes, When the other notes stream through the app and the teacher
            // answers its requests, and a retrain is requested
            TeacherLoop.Result result = new TeacherLoop(data, KAFKA.bootstrapServers(), REGISTRY.url(), sidecar, work,
                    System.out).run(100_000, 5).orElseThrow();

            // Then every streamed note was linked by version 1 and requests name uncertain mentions only
            assertThat(result.stream()).hasSize(data.stream().size())
                    .allSatisfy(n -> assertThat(n.getProvenance().getModelVersion()).isEqualTo("reranker@1"));
            MentionDictionary version1 = RerankerBundle.dictionary(sidecar.repository().resolve("reranker/1"));
            Map<String, LinkedMention> mentions = new HashMap<>();
            for (LinkedNote n : result.stream()) {
                n.getMentions().forEach(m -> mentions.put(n.getNoteId() + ":" + m.getBegin() + "-" + m.getEnd(), m));
            }
            assertThat(result.requests()).isNotEmpty().allSatisfy(r -> {
                LinkedMention m = mentions.get(r.getNoteId() + ":" + r.getBegin() + "-" + r.getEnd());
                assertThat(m).as("a request names a linked mention").isNotNull();
                assertThat(confident(m, version1) && !r.getReason().equals("DISAGREEMENT"))
                        .as("request %s (%s) is about an uncertain mention", r.getRequestId(), r.getReason()).isFalse();
                assertThat(r.getContext()).contains(r.getMentionText());
            });
            Set<String> asked = result.requests().stream().map(r -> r.getNoteId() + ":" + r.getBegin() + "-" + r.getEnd())
                    .collect(Collectors.toSet());
            long confidentUnasked = mentions.entrySet().stream()
                    .filter(e -> confident(e.getValue(), version1) && !asked.contains(e.getKey())).count();
            assertThat(confidentUnasked).as("confident links are not sent to the teacher").isPositive();

            // and every request came back as a label or, when the gold has no answer, as a dead letter
            Set<String> requestIds = result.requests().stream().map(TeacherLabelingRequest::getRequestId)
                    .collect(Collectors.toSet());
            assertThat(result.labels()).isNotEmpty().filteredOn(l -> !l.getLabelSource().equals("synthetic"))
                    .extracting(TeacherLabel::getRequestId).allSatisfy(id -> assertThat(requestIds).contains(id));
            List<TeacherLabel> answers = result.labels().stream().filter(l -> l.getLabelSource().equals("simulated")).toList();
            assertThat(answers.size() + result.requestDeadLetters()).isEqualTo(result.requests().size());
            // and synthesis requests for uncovered concepts came back as synthetic sentences naming the concept
            List<TeacherLabel> synthetic = result.labels().stream().filter(l -> l.getLabelSource().equals("synthetic")).toList();
            assertThat(synthetic).isNotEmpty().allSatisfy(l -> {
                assertThat(l.getContext().substring(l.getMentionOffsetInContext())).startsWith(l.getMentionText());
                assertThat(l.getChosenConceptId()).isNotNull();
            });
            assertThat(result.labels()).hasSize(answers.size() + synthetic.size());
            assertThat(result.published().getMetrics()).containsKey("labels_synthetic");

            // and the retrain published version 2, promoted it (dev Acc@1 did not drop), the sidecar pinned it and
            // the notes linked afterwards name it
            assertThat(result.promoted()).as(result.second().getReason()).isTrue();
            assertThat(result.accAt1After()).isGreaterThanOrEqualTo(result.accAt1Before());
            assertThat(sidecar.repository().resolve("reranker/2/model.onnx")).isNotEmptyFile();
            assertThat(PinStore.read(sidecar.repository().resolve("reranker"))).isEqualTo(OptionalLong.of(2));
            assertThat(result.versionsAfterPromotion()).containsOnlyKeys("reranker@2");
            assertThat(result.afterPromotion()).hasSize(data.devNotes().size())
                    .allSatisfy(n -> assertThat(n.getProvenance().getKbVersion()).contains("dictionary:reranker@2"));
        }
    }

    /** A link the router lets through: not NIL, score and margin above the thresholds, a concept version 1 knows. */
    private static boolean confident(LinkedMention m, MentionDictionary version1) {
        if (m.getNil() || m.getConceptId() == null || m.getDegraded()) {
            return false;
        }
        double second = m.getAlternatives().isEmpty() ? 0.0 : m.getAlternatives().get(0).getScore();
        return m.getScore() >= MIN_SCORE && m.getScore() - second >= MIN_MARGIN && version1.seen(m.getConceptId(), null);
    }
}
