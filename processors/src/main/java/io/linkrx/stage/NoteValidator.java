package io.linkrx.stage;

import io.linkrx.error.InvalidRecordException;
import io.linkrx.schema.ClinicalNote;

/** Rejects notes that cannot be processed meaningfully; the reasons name fields, never their contents. */
public final class NoteValidator {
    private final int maxTextChars;

    public NoteValidator(int maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    public void validate(ClinicalNote note) {
        require(note.getNoteId(), "MISSING_NOTE_ID", "Note has no noteId");
        require(note.getPatientId(), "MISSING_PATIENT_ID", "Note " + note.getNoteId() + " has no patientId");
        require(note.getText(), "EMPTY_TEXT", "Note " + note.getNoteId() + " has empty text");
        if (note.getText().length() > maxTextChars) {
            throw new InvalidRecordException("TEXT_TOO_LONG", "Note " + note.getNoteId() + " has " + note.getText().length()
                    + " characters, more than the limit of " + maxTextChars);
        }
    }

    private static void require(String value, String code, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(code, message);
        }
    }
}
