package io.linkrx.eval.linking;

import java.util.List;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;
import io.linkrx.link.EntityLinker;
import io.linkrx.link.LinkedMention;
import io.linkrx.link.MentionQuery;
import io.linkrx.link.NoteQueries;
import io.linkrx.link.ShortFormAnchors;

/** Linking queries for the mentions of a corpus document, built and linked exactly as for streamed notes. */
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

    /** Links the document's gold mentions, short forms following their long forms. */
    List<LinkedMention> linkGold(EntityLinker linker, List<GoldMention> mentions) {
        return linker.link(mentions.stream().map(this::query).toList(), queries.shortFormAnchors(
                mentions.stream().map(m -> new ShortFormAnchors.Span(m.begin(), m.end(), m.type())).toList()));
    }

    /** Links the mentions an extractor found, short forms following their long forms. */
    List<LinkedMention> linkFound(EntityLinker linker, List<Mention> mentions) {
        return linker.link(mentions.stream().map(m -> query(m.text(), m.type())).toList(), queries.shortFormAnchors(
                mentions.stream().map(ShortFormAnchors.Span::of).toList()));
    }
}
