package io.linkrx.extract.tagger;

import java.util.List;

import io.linkrx.text.Token;
import io.linkrx.text.abbrev.AbbreviationMap;

/**
 * A document ready for the CRF.
 *
 * @param tokens        all tokens of the text
 * @param abbreviations the abbreviations the text defines
 * @param sentences     the sentences with their featurised tokens
 */
record EncodedDocument(List<Token> tokens, AbbreviationMap abbreviations, List<EncodedSentence> sentences) {
}
