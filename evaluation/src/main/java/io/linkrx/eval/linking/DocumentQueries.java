package io.linkrx.eval.linking;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.kb.SemanticType;
import io.linkrx.link.MentionQuery;
import io.linkrx.link.NoteQueries;

/** Linking queries for the mentions of a corpus document, built exactly as for streamed notes. */
final class DocumentQueries {
    private final NoteQueries queries;

    DocumentQueries(PubTatorDocument doc) {
        this.queries = new NoteQueries(doc.id(), doc.text());
    }

    MentionQuery query(GoldMention m) {
        return queries.query(m.text(), m.type());
    }

    MentionQuery query(String text, SemanticType type) {
        return queries.query(text, type);
    }
}
