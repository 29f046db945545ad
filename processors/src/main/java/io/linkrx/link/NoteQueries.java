package io.linkrx.link;

import java.util.HashSet;
import java.util.Set;

import io.linkrx.kb.SemanticType;
import io.linkrx.text.Token;
import io.linkrx.text.Tokenizer;
import io.linkrx.text.abbrev.AbbreviationDetector;
import io.linkrx.text.abbrev.AbbreviationMap;

/**
 * Linking queries for the mentions of one note: the note's words as context and the abbreviations it defines
 * (Schwartz–Hearst) for expansion. The same for evaluation documents and streamed notes.
 */
public final class NoteQueries {
    private static final AbbreviationDetector DETECTOR = new AbbreviationDetector();

    private final String documentId;
    private final Set<String> contextTokens = new HashSet<>();
    private final AbbreviationMap abbreviations;

    public NoteQueries(String documentId, String text) {
        this.documentId = documentId;
        for (Token t : Tokenizer.tokenize(text)) {
            contextTokens.add(t.norm());
        }
        this.abbreviations = AbbreviationMap.detect(DETECTOR, text);
    }

    /** The query of one mention of this note. */
    public MentionQuery query(String mentionText, SemanticType type) {
        String expanded = abbreviations.expand(mentionText);
        return new MentionQuery(documentId, mentionText, type, expanded.equals(mentionText) ? null : expanded,
                contextTokens);
    }
}
