package io.linkrx.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkrx.app.LinkingStages;
import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.schema.ClinicalNote;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Single-threaded throughput of the three linking stages in-process (extract → retrieve → re-rank, Avro
 * records in and out, no Kafka) over the demo notes. Usage:
 * {@code java -cp <topology test classpath> io.linkrx.bench.LinkingStagesBench [seconds]}.
 */
public final class LinkingStagesBench {
    private LinkingStagesBench() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        LinkingStages stages = LinkingStages.fromConfig(LinkrxConfig.of(Map.of()), Clock.systemUTC());
        List<ClinicalNote> notes = demoNotes();
        run(stages, notes, 3); // warm-up
        long[] r = run(stages, notes, seconds);
        double secs = r[2] / 1e9;
        System.out.printf(Locale.ROOT, "notes=%d mentions=%d in %.1f s -> %.0f notes/s, %.0f mentions/s, %.3f ms/note%n",
                r[0], r[1], secs, r[0] / secs, r[1] / secs, secs * 1000 / r[0]);
    }

    private static long[] run(LinkingStages stages, List<ClinicalNote> notes, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long count = 0;
        long mentions = 0;
        while (System.nanoTime() < deadline) {
            for (ClinicalNote note : notes) {
                mentions += stages.rerank().apply(stages.retrieve().apply(stages.extract().apply(note)))
                        .linkedNote().getMentions().size();
                count++;
            }
        }
        return new long[] {count, mentions, System.nanoTime() - start};
    }

    private static List<ClinicalNote> demoNotes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<ClinicalNote> notes = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                LinkingStagesBench.class.getClassLoader().getResourceAsStream("linkrx/demo/notes.jsonl")), StandardCharsets.UTF_8))) {
            for (String line : reader.lines().toList()) {
                JsonNode n = json.readTree(line);
                notes.add(ClinicalNote.newBuilder().setNoteId(n.get("noteId").asText()).setPatientId(n.get("patientId").asText())
                        .setText(n.get("text").asText()).setEventTime(Instant.parse(n.get("eventTime").asText())).build());
            }
        }
        return notes;
    }
}
