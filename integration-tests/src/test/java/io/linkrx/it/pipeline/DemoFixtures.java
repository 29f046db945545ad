package io.linkrx.it.pipeline;

import io.linkrx.schema.ClinicalNote;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The demo notes and their hand-checked expected links, from linkrx-demo-data. */
final class DemoFixtures {
    private DemoFixtures() {}

    record ExpectedLink(String noteId, int begin, int end, String text, String conceptId, String assertion) {}

    static List<ExpectedLink> expectedLinks() {
        return lines("linkrx/demo/expected-links.tsv").stream()
                .filter(l -> !l.isBlank() && !l.startsWith("noteId") && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(c -> new ExpectedLink(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[3], c[4], c[5]))
                .toList();
    }

    static List<ClinicalNote> notes() {
        return io.linkrx.launcher.demo.DemoNotes.load();
    }

    /** A copy of a note with a new id and patient, so a test's records are its own. */
    static ClinicalNote copy(ClinicalNote note, String noteId, String patientId) {
        return ClinicalNote.newBuilder(note).setNoteId(noteId).setPatientId(patientId).build();
    }

    static ClinicalNote note(String noteId, String patientId, String text) {
        return ClinicalNote.newBuilder().setNoteId(noteId).setPatientId(patientId).setNoteType("PROGRESS_NOTE")
                .setText(text).setEventTime(Instant.parse("2026-11-01T09:00:00Z")).setSourceSystem("it").build();
    }

    private static List<String> lines(String resource) {
        try (var in = Objects.requireNonNull(DemoFixtures.class.getClassLoader().getResourceAsStream(resource), resource);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
