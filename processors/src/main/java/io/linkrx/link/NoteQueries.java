package io.linkrx.link;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.linkrx.kb.SemanticType;
import io.linkrx.text.Token;
import io.linkrx.text.Tokenizer;
import io.linkrx.text.abbrev.AbbreviationDetector;
import io.linkrx.text.abbrev.AbbreviationMap;

/**
 * Linking queries for the mentions of one note: the note's words as context and the abbreviations it defines
 * (Schwartz–Hearst) for expansion, and which written-out mention each short form stands for. The same for
 * evaluation documents and streamed notes.
 */
public final class NoteQueries {
    private static final AbbreviationDetector DETECTOR = new AbbreviationDetector();

    private final String documentId;
    private final String text;
    private final Set<String> contextTokens = new HashSet<>();
    private final AbbreviationMap abbreviations;

    public NoteQueries(String documentId, String text) {
        this.documentId = documentId;
        this.text = text;
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

    /** For each of the note's mentions, the mention its short form stands for, or -1 ({@link ShortFormAnchors}). */
    public int[] shortFormAnchors(List<ShortFormAnchors.Span> mentions) {
        return ShortFormAnchors.of(text, abbreviations, mentions);
    }
}
