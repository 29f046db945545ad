package io.linkrx.eval.linking;

import java.util.List;

import io.linkrx.kb.KnowledgeBase;

/** Loads the knowledge bases named on the command line. */
final class KnowledgeBases {
    private KnowledgeBases() {
    }

    static KnowledgeBase load(List<String> specs) {
        return KnowledgeBase.loadAll(specs);
    }
}
