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

    private final TokenVectors vectors;

    DocumentEncoder(TaggerDictionary dictionary) {
        this(dictionary, null);
    }

    /** @param vectors contextual token vectors, or null for none */
    DocumentEncoder(TaggerDictionary dictionary, TokenVectors vectors) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.vectors = vectors;
    }

    EncodedDocument encode(String text) {
        List<Token> tokens = TaggerTokenizer.tokenize(text);
        AbbreviationMap defined = AbbreviationMap.of(abbreviations.detect(text));
        Map<Integer, List<String>> abbreviationFeatures = AbbreviationFeatures.of(text, tokens, defined, dictionary);
        List<TokenVectors.Sentence> spans = new ArrayList<>();
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
                spans.add(new TokenVectors.Sentence(s.begin(), s.end(), tokens.subList(from, t)));
            }
        }
        List<float[][]> vs = vectors == null || spans.isEmpty() ? null : vectors.of(text, spans);
        List<EncodedSentence> sentences = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            TokenVectors.Sentence s = spans.get(i);
            sentences.add(new EncodedSentence(s.begin(), s.end(), s.tokens(),
                    TokenFeatures.extract(text, s.tokens(), dictionary, abbreviationFeatures),
                    vs == null ? null : vs.get(i)));
        }
        return new EncodedDocument(tokens, defined, sentences);
    }
}
