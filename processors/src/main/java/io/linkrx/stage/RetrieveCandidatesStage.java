package io.linkrx.stage;

import io.linkrx.extract.Mention;
import io.linkrx.retrieve.CandidateRetriever;
import io.linkrx.schema.ExtractedMention;
import io.linkrx.schema.MentionCandidates;
import io.linkrx.schema.NoteCandidates;
import io.linkrx.schema.NoteMentions;
import java.util.function.Function;

/** Stage 2: each mention gets its top-k candidate concepts from the knowledge base. */
public final class RetrieveCandidatesStage implements Function<NoteMentions, NoteCandidates> {
    private final CandidateRetriever retriever;
    private final int topK;
    private final String retrieverVersion;
    private final Provenances provenances;

    public RetrieveCandidatesStage(CandidateRetriever retriever, int topK, String retrieverVersion, Provenances provenances) {
        this.retriever = retriever;
        this.topK = topK;
        this.retrieverVersion = retrieverVersion;
        this.provenances = provenances;
    }

    @Override
    public NoteCandidates apply(NoteMentions note) {
        return NoteCandidates.newBuilder()
                .setNoteId(note.getNoteId())
                .setPatientId(note.getPatientId())
                .setEncounterId(note.getEncounterId())
                .setNoteType(note.getNoteType())
                .setEventTime(note.getEventTime())
                .setText(note.getText())
                .setMentions(note.getMentions().stream().map(this::candidatesFor).toList())
                .setProvenance(provenances.now(retrieverVersion))
                .build();
    }

    private MentionCandidates candidatesFor(ExtractedMention avro) {
        Mention mention = AvroMapping.fromAvro(avro);
        return MentionCandidates.newBuilder()
                .setMention(avro)
                .setCandidates(retriever.retrieve(mention.text(), mention.type(), topK).stream()
                        .map(c -> AvroMapping.toAvro(c, "lexical")).toList())
                .build();
    }
}
