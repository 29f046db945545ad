package io.linkrx.extract.tagger;

import java.util.List;

import io.linkrx.text.Token;

/**
 * Contextual vectors of the tokens of a document's sentences (a transformer's token states pooled over the word
 * pieces of each token): real-valued CRF features that carry what the words around a token mean.
 */
public interface TokenVectors {
    /**
     * @param text      the document
     * @param sentences each sentence's char span and tokens (offsets into {@code text})
     * @return per sentence, one vector per token (same order); null when the vectors are unavailable (the model
     *         server is down): the tagger then tags from its other features alone
     */
    List<float[][]> of(String text, List<Sentence> sentences);

    /** Which encoder gives the vectors (recorded in a model trained with them). */
    String name();

    /** A sentence to vectorise. */
    record Sentence(int begin, int end, List<Token> tokens) {
    }
}
