package io.linkrx.teacher.experiment;

import java.util.Set;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;

/**
 * A gold mention of an unlabelled training document: what the student links and the teacher may be asked
 * about. {@code gold} is known to the simulation only (the simulated teacher answers from it).
 */
record PoolMention(PubTatorDocument doc, GoldMention mention, Set<String> gold) {
    /** Stable id of the mention: document and span. */
    String id() {
        return doc.id() + ":" + mention.begin() + "-" + mention.end();
    }
}
