package io.linkrx.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.rerank.DenseReranker;
import io.linkrx.rerank.ScoreOrderedReranker;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The re-ranker chosen by configuration, on demo-KB notes through all three stages, with a real loopback sidecar. */
class LinkingStagesSidecarTest {
    static final String CARDIOLOGY = "Diastolic murmur at the apex; echo shows MS, mitral valve area 1.0 cm2.";
    static final String NEUROLOGY = "Relapsing MS with new periventricular lesions on MRI, multiple relapses.";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    static LinkedNote link(LinkingStages stages, String id, String text) {
        ClinicalNote note = ClinicalNote.newBuilder().setNoteId(id).setPatientId("pt-" + id).setText(text)
                .setEventTime(Instant.parse("2026-10-01T08:00:00Z")).build();
        return stages.rerank().apply(stages.retrieve().apply(stages.extract().apply(note))).linkedNote();
    }

    static LinkedMention ms(LinkedNote note) {
        return note.getMentions().stream().filter(m -> m.getText().equals("MS")).findFirst().orElseThrow();
    }

    LinkingStages stages(Map<String, String> settings) {
        var withDeadline = new java.util.HashMap<>(settings);
        // a cold channel on a busy 2-core machine can miss the 500 ms production default; this is no timing test
        withDeadline.putIfAbsent("linkrx.serving.deadline.ms", "10000");
        return LinkingStages.fromConfig(LinkrxConfig.of(withDeadline), Clock.systemUTC(), registry);
    }

    @Test
    void without_a_sidecar_target_ranking_is_lexical() {
        try (LinkingStages stages = stages(Map.of())) {
            LinkedNote out = link(stages, "n-1", CARDIOLOGY);

            assertThat(stages.reranker()).isInstanceOf(ScoreOrderedReranker.class);
            assertThat(out.getProvenance().getModelVersion()).isEqualTo(ScoreOrderedReranker.MODEL_VERSION);
            assertThat(out.getDegraded()).isFalse();
        }
    }

    @Test
    void with_a_sidecar_the_context_picks_the_concept_with_one_call_per_note() throws Exception {
        try (LoopbackEncoderServer sidecar = new LoopbackEncoderServer("3");
             LinkingStages stages = stages(Map.of("linkrx.serving.target", sidecar.target()))) {
            LinkedNote cardiology = link(stages, "n-2", CARDIOLOGY);
            LinkedNote neurology = link(stages, "n-3", NEUROLOGY);

            assertThat(stages.reranker()).isInstanceOf(DenseReranker.class);
            assertThat(ms(cardiology).getConceptId()).isEqualTo("D008946");
            assertThat(ms(neurology).getConceptId()).isEqualTo("D009103");
            assertThat(cardiology.getDegraded()).isFalse();
            assertThat(ms(cardiology).getDegraded()).isFalse();
            assertThat(cardiology.getProvenance().getModelVersion()).isEqualTo("dense:encoder@3");
            assertThat(sidecar.inferCalls).hasValue(2);
        }
    }

    @Test
    void with_the_sidecar_down_notes_keep_flowing_lexically_marked_degraded() throws Exception {
        LinkedNote lexical;
        try (LinkingStages plain = stages(Map.of())) {
            lexical = link(plain, "n-4", CARDIOLOGY);
        }
        try (LinkingStages stages = stages(Map.of("linkrx.serving.target", "127.0.0.1:" + freePort(),
                "linkrx.serving.breaker.failures", "2"))) {
            for (int i = 0; i < 10; i++) {
                LinkedNote out = link(stages, "n-4", CARDIOLOGY);

                assertThat(out.getDegraded()).isTrue();
                assertThat(out.getProvenance().getModelVersion()).isEqualTo(ScoreOrderedReranker.MODEL_VERSION);
                assertThat(out.getMentions()).extracting(LinkedMention::getConceptId)
                        .containsExactlyElementsOf(lexical.getMentions().stream().map(LinkedMention::getConceptId).toList());
                assertThat(out.getMentions()).allSatisfy(m -> assertThat(m.getDegraded()).isTrue());
            }
            assertThat(registry.get("linkrx.sidecar.calls").tag("outcome", "rejected").counter().count())
                    .as("the breaker opened after two failed notes").isEqualTo(8);
        }
    }

    @Test
    void closing_the_stages_releases_the_sidecar_and_later_notes_still_flow() throws Exception {
        try (LoopbackEncoderServer sidecar = new LoopbackEncoderServer("1")) {
            LinkingStages stages = stages(Map.of("linkrx.serving.target", sidecar.target()));
            stages.close();

            assertThat(link(stages, "n-5", CARDIOLOGY).getDegraded()).isTrue();
            assertThat(sidecar.inferCalls).hasValue(0);
        }
    }

    @Test
    void invalid_sidecar_and_ranking_knobs_are_refused_with_their_key() {
        assertThatThrownBy(() -> stages(Map.of("linkrx.ranking.dense.weight", "1.5")))
                .hasMessageContaining("linkrx.ranking.dense.weight must be in [0, 1]");
        assertThatThrownBy(() -> stages(Map.of("linkrx.serving.retries", "-1")))
                .hasMessageContaining("linkrx.serving.retries must be at least 0");
        assertThatThrownBy(() -> stages(Map.of("linkrx.serving.deadline.ms", "soon")))
                .hasMessageContaining("linkrx.serving.deadline.ms must be a whole number");
        assertThatThrownBy(() -> stages(Map.of("linkrx.serving.breaker.failure.rate", "0")))
                .hasMessageContaining("linkrx.serving.breaker.failure.rate must be in (0, 1]");
    }

    @Test
    void the_learned_reranker_needs_a_sidecar_and_a_trained_model_version() throws Exception {
        Path modelDir = Files.createTempDirectory("reranker");
        assertThatThrownBy(() -> LinkingStages.fromConfig(LinkrxConfig.of(Map.of(
                "linkrx.reranker.model.dir", modelDir.toString())), Clock.systemUTC(), new SimpleMeterRegistry()))
                .hasMessageContaining("linkrx.reranker.model.dir needs linkrx.serving.target");
        assertThatThrownBy(() -> LinkingStages.fromConfig(LinkrxConfig.of(Map.of(
                "linkrx.reranker.model.dir", modelDir.toString(), "linkrx.serving.target", "127.0.0.1:1")),
                Clock.systemUTC(), new SimpleMeterRegistry()))
                .hasMessageContaining("no numeric version directory");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
