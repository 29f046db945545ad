package io.linkrx.extract.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.linkrx.text.SentenceSplitter;
import io.linkrx.text.Token;
import io.linkrx.text.abbrev.AbbreviationDetector;
import io.linkrx.text.abbrev.AbbreviationMap;

/**
 * Turns a document into sentences of featurised tokens: the same code for training and tagging, so both see
 * identical features. Abbreviations are detected over the whole document (a short form is usually defined in
 * an earlier sentence than it is used in). Thread-safe.
 */
final class DocumentEncoder {
    private final TaggerDictionary dictionary;
    private final AbbreviationDetector abbreviations = new AbbreviationDetector();

    DocumentEncoder(TaggerDictionary dictionary) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    }

    EncodedDocument encode(String text) {
        List<Token> tokens = TaggerTokenizer.tokenize(text);
        AbbreviationMap defined = AbbreviationMap.of(abbreviations.detect(text));
        Map<Integer, List<String>> abbreviationFeatures = AbbreviationFeatures.of(text, tokens, defined, dictionary);
        List<EncodedSentence> sentences = new ArrayList<>();
        int t = 0;
        for (SentenceSplitter.Span s : SentenceSplitter.split(text)) {
            while (t < tokens.size() && tokens.get(t).begin() < s.begin()) {
                t++;
            }
            int from = t;
            while (t < tokens.size() && tokens.get(t).end() <= s.end()) {
                t++;
            }
            if (t > from) {
                List<Token> sentence = tokens.subList(from, t);
                sentences.add(new EncodedSentence(s.begin(), s.end(), sentence,
                        TokenFeatures.extract(text, sentence, dictionary, abbreviationFeatures)));
            }
        }
        return new EncodedDocument(tokens, defined, sentences);
    }
}
