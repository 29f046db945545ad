package io.linkrx.it.pipeline;

import io.linkrx.launcher.demo.DemoCorpus;
import io.linkrx.schema.ClinicalNote;
import java.time.Instant;
import java.util.List;

/** The demo notes and their hand-checked expected links, from linkrx-demo-data. */
final class DemoFixtures {
    private DemoFixtures() {}

    static List<DemoCorpus.GoldLink> expectedLinks() {
        return DemoCorpus.goldLinks();
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
}
