package io.linkrx.stage;

import io.linkrx.extract.Mention;
import io.linkrx.retrieve.Candidate;
import io.linkrx.retrieve.CandidateRetriever;
import io.linkrx.retrieve.NoteRetriever;
import io.linkrx.schema.MentionCandidates;
import io.linkrx.schema.NoteCandidates;
import io.linkrx.schema.NoteMentions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Stage 2: each mention gets its top-k candidate concepts from the knowledge base. */
public final class RetrieveCandidatesStage implements Function<NoteMentions, NoteCandidates> {
    private final NoteRetriever retriever;
    private final String retrieverVersion;
    private final Provenances provenances;

    public RetrieveCandidatesStage(CandidateRetriever retriever, int topK, String retrieverVersion, Provenances provenances) {
        this(NoteRetriever.perMention(retriever, topK), retrieverVersion, provenances);
    }

    public RetrieveCandidatesStage(NoteRetriever retriever, String retrieverVersion, Provenances provenances) {
        this.retriever = retriever;
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
                .setMentions(candidates(note))
                .setProvenance(provenances.now(retrieverVersion))
                .build();
    }

    private List<MentionCandidates> candidates(NoteMentions note) {
        List<Mention> mentions = note.getMentions().stream().map(AvroMapping::fromAvro).toList();
        List<List<Candidate>> found = retriever.retrieve(note.getText(), mentions);
        List<MentionCandidates> out = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            out.add(MentionCandidates.newBuilder()
                    .setMention(note.getMentions().get(i))
                    .setCandidates(found.get(i).stream().map(c -> AvroMapping.toAvro(c, "lexical")).toList())
                    .build());
        }
        return out;
    }
}
