package io.linkrx.extract.tagger;

import java.util.List;

import io.linkrx.text.Token;

/**
 * One sentence ready for the CRF: its span, its tokens and each token's feature names.
 *
 * @param begin    char offset of the sentence
 * @param end      exclusive end
 * @param tokens   tokens with offsets into the whole text
 * @param features feature names per token, same order as {@code tokens}
 * @param vectors  contextual vectors per token (see {@link TokenVectors}), or null when the tagger uses none
 */
record EncodedSentence(int begin, int end, List<Token> tokens, List<List<String>> features, float[][] vectors) {
}
