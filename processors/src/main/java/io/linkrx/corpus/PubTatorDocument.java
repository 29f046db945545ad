package io.linkrx.corpus;

import java.util.List;
import java.util.Objects;

/**
 * A PubTator document: title and abstract, joined by one space as the format's offsets assume, with its
 * annotated mentions in file order.
 */
public record PubTatorDocument(String id, String title, String abstractText, List<GoldMention> mentions) {
    public PubTatorDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(abstractText, "abstractText");
        mentions = List.copyOf(mentions);
    }

    /** Title + " " + abstract: the text every offset refers to. */
    public String text() {
        return abstractText.isEmpty() ? title : title + " " + abstractText;
    }
}
