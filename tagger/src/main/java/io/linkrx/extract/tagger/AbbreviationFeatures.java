package io.linkrx.extract.tagger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.linkrx.kb.SemanticType;
import io.linkrx.text.Token;
import io.linkrx.text.abbrev.AbbreviationDefinition;
import io.linkrx.text.abbrev.AbbreviationMap;

/**
 * Features from the abbreviations a document defines: a token of a defined short form anywhere in the
 * document learns from its long form (dictionary type, head word: "HNPCC" inherits "... cancer"), and a token
 * of a long form knows it is being defined.
 */
final class AbbreviationFeatures {
    private AbbreviationFeatures() {
    }

    /** Features keyed by token begin offset; tokens without abbreviation features are absent. */
    static Map<Integer, List<String>> of(String text, List<Token> tokens, AbbreviationMap abbreviations,
                                         TaggerDictionary dictionary) {
        Map<Integer, List<String>> features = new HashMap<>();
        if (abbreviations.isEmpty()) {
            return features;
        }
        for (AbbreviationDefinition d : abbreviations.definitions()) {
            for (Token t : tokens) {
                if (t.begin() >= d.longBegin() && t.end() <= d.longEnd()) {
                    add(features, t, "lf");
                }
            }
        }
        for (String sf : abbreviations.shortForms()) {
            List<String> sfFeatures = shortFormFeatures(abbreviations.longForm(sf).orElseThrow(), dictionary);
            for (int i = 0; i < tokens.size(); i++) {
                int last = TaggerTokenizer.lastTokenOf(text, tokens, i, sf);
                for (int k = i; k <= last; k++) {
                    features.computeIfAbsent(tokens.get(k).begin(), b -> new ArrayList<>()).addAll(sfFeatures);
                }
            }
        }
        return features;
    }

    private static List<String> shortFormFeatures(String longForm, TaggerDictionary dictionary) {
        List<Token> lf = TaggerTokenizer.tokenize(longForm);
        List<String> f = new ArrayList<>(List.of("ab"));
        for (SemanticType type : dictionary.typesOfPhrase(lf)) {
            f.add("ab.lf=" + type.name());
        }
        for (Map.Entry<SemanticType, TaggerDictionary.Tag[]> e : dictionary.tag(lf).entrySet()) {
            for (TaggerDictionary.Tag tag : e.getValue()) {
                if (tag != null) {
                    f.add("ab.lfpart=" + e.getKey().name());
                    break;
                }
            }
        }
        for (int k = lf.size() - 1; k >= 0; k--) {
            String head = lf.get(k).norm();
            if (Character.isLetterOrDigit(head.codePointAt(0))) {
                f.add("ab.h=" + head);
                f.add("ab.hs4=" + TokenFeatures.suffix(head, 4));
                break;
            }
        }
        return f;
    }

    private static void add(Map<Integer, List<String>> features, Token t, String feature) {
        List<String> list = features.computeIfAbsent(t.begin(), b -> new ArrayList<>());
        if (!list.contains(feature)) {
            list.add(feature);
        }
    }
}
