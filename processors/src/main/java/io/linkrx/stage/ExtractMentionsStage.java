package io.linkrx.stage;

import io.linkrx.extract.Mention;
import io.linkrx.extract.MentionExtractor;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.NoteMentions;
import java.util.List;
import java.util.function.Function;

/** Stage 1: a validated note in, its mentions (with assertions) out. */
public final class ExtractMentionsStage implements Function<ClinicalNote, NoteMentions> {
    public static final String MODEL_VERSION = "dictionary-1";

    private final NoteValidator validator;
    private final MentionExtractor extractor;
    private final Provenances provenances;

    public ExtractMentionsStage(NoteValidator validator, MentionExtractor extractor, Provenances provenances) {
        this.validator = validator;
        this.extractor = extractor;
        this.provenances = provenances;
    }

    @Override
    public NoteMentions apply(ClinicalNote note) {
        validator.validate(note);
        List<Mention> mentions = extractor.extract(note.getText());
        return NoteMentions.newBuilder()
                .setNoteId(note.getNoteId())
                .setPatientId(note.getPatientId())
                .setEncounterId(note.getEncounterId())
                .setNoteType(note.getNoteType())
                .setEventTime(note.getEventTime())
                .setText(note.getText())
                .setMentions(mentions.stream().map(AvroMapping::toAvro).toList())
                .setProvenance(provenances.now(MODEL_VERSION))
                .build();
    }
}
