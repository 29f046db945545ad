package io.linkrx.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkrx.schema.ClinicalNote;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The demo notes shipped in linkrx-demo-data ({@code linkrx/demo/notes.jsonl}), as ClinicalNote records. */
public final class DemoNotes {
    public static final String RESOURCE = "linkrx/demo/notes.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoNotes() {}

    public static List<ClinicalNote> load() {
        InputStream in = DemoNotes.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Demo notes not on the classpath: " + RESOURCE);
        }
        List<ClinicalNote> notes = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    notes.add(toNote(JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return notes;
    }

    private static ClinicalNote toNote(JsonNode n) {
        return ClinicalNote.newBuilder()
                .setNoteId(n.path("noteId").asText())
                .setPatientId(n.path("patientId").asText())
                .setEncounterId(text(n, "encounterId"))
                .setNoteType(n.path("noteType").asText("UNSPECIFIED"))
                .setAuthorRole(text(n, "authorRole"))
                .setText(n.path("text").asText())
                .setLanguage(n.path("language").asText("en"))
                .setEventTime(Instant.parse(n.path("eventTime").asText()))
                .setSourceSystem(text(n, "sourceSystem"))
                .build();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
