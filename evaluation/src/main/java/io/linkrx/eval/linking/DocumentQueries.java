package io.linkrx.eval.linking;

import java.util.HashSet;
import java.util.Set;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.link.MentionQuery;
import io.linkrx.text.Token;
import io.linkrx.text.Tokenizer;
import io.linkrx.text.abbrev.AbbreviationDetector;
import io.linkrx.text.abbrev.AbbreviationMap;

/** Turns the mentions of a corpus document into linking queries with the document as context. */
final class DocumentQueries {
    private final PubTatorDocument doc;
    private final Set<String> contextTokens = new HashSet<>();
    private static final AbbreviationDetector DETECTOR = new AbbreviationDetector();
    private final AbbreviationMap abbreviations;

    DocumentQueries(PubTatorDocument doc) {
        this.doc = doc;
        String text = doc.text();
        for (Token t : Tokenizer.tokenize(text)) {
            contextTokens.add(t.norm());
        }
        this.abbreviations = AbbreviationMap.detect(DETECTOR, text);
    }

    MentionQuery query(GoldMention m) {
        return query(m.text(), m.type());
    }

    MentionQuery query(String text, io.linkrx.kb.SemanticType type) {
        String expanded = abbreviations.expand(text);
        return new MentionQuery(doc.id(), text, type, expanded.equals(text) ? null : expanded, contextTokens);
    }
}
