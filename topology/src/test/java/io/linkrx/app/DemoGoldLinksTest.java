package io.linkrx.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import io.linkrx.stage.LinkingOutcome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The stages, without Kafka, on every demo note: each hand-checked gold link must come out with its span,
 * concept and assertion. Lists every miss at once, so a change to the lexicon or KB shows its whole effect.
 */
class DemoGoldLinksTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_gold_link_of_the_demo_notes_is_found() throws Exception {
        LinkingStages stages = LinkingStages.fromConfig(LinkrxConfig.of(Map.of()), Clock.systemUTC());
        Map<String, LinkedNote> linked = new HashMap<>();
        for (String line : lines("linkrx/demo/notes.jsonl")) {
            JsonNode n = JSON.readTree(line);
            ClinicalNote note = ClinicalNote.newBuilder().setNoteId(n.get("noteId").asText())
                    .setPatientId(n.get("patientId").asText()).setText(n.get("text").asText())
                    .setEventTime(Instant.parse(n.get("eventTime").asText())).build();
            LinkingOutcome outcome = stages.rerank().apply(stages.retrieve().apply(stages.extract().apply(note)));
            linked.put(note.getNoteId(), outcome.linkedNote());
        }
        List<String> misses = new ArrayList<>();
        for (String line : lines("linkrx/demo/expected-links.tsv")) {
            if (line.startsWith("noteId") || line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t");
            int begin = Integer.parseInt(c[1]);
            int end = Integer.parseInt(c[2]);
            LinkedMention found = linked.get(c[0]).getMentions().stream()
                    .filter(m -> m.getBegin() == begin && m.getEnd() == end).findFirst().orElse(null);
            if (found == null) {
                misses.add(c[0] + " '" + c[3] + "' @" + begin + ": not extracted");
            } else if (!c[4].equals(found.getConceptId()) || !c[5].equals(found.getAssertion().name())) {
                misses.add(c[0] + " '" + c[3] + "' @" + begin + ": expected " + c[4] + "/" + c[5] + " got "
                        + found.getConceptId() + "/" + found.getAssertion() + " (" + found.getAssertionTrigger() + ")");
            }
        }
        assertThat(misses).isEmpty();
    }

    private static List<String> lines(String resource) throws Exception {
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(DemoGoldLinksTest.class.getClassLoader().getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
