package io.linkrx.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.linkrx.assertion.AssertionResult;
import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.text.PhraseTrie;
import io.linkrx.text.Token;
import io.linkrx.text.Tokenizer;

/**
 * Dictionary matching of knowledge-base names and abbreviations in a note, longest match first, left to
 * right, without overlaps. Names match case-insensitively on normalised tokens (so plurals and
 * possessives match); abbreviations match case-sensitively on the original tokens, so "MI" matches but
 * "mi" and "Mi" do not. Single common English words and names shorter than three characters are only
 * matched as abbreviations. A match never spans a line break or punctuation other than a hyphen.
 * Immutable and thread-safe.
 */
public final class DictionaryMentionExtractor implements MentionExtractor {
    private static final int MIN_NAME_CHARS = 3;

    private final List<SemanticType> typeByConcept = new ArrayList<>();
    private final PhraseTrie<Integer> names = new PhraseTrie<>();
    private final PhraseTrie<Integer> abbreviations = new PhraseTrie<>();
    private final ContextAssertionDetector assertions;

    /** Indexes every concept of {@code kb}; ambiguous names take the type of the first concept in KB order. */
    public DictionaryMentionExtractor(KnowledgeBase kb, ContextAssertionDetector assertions) {
        Objects.requireNonNull(kb, "kb");
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        int index = 0;
        for (Concept c : kb.concepts()) {
            typeByConcept.add(c.type());
            for (String name : c.names()) {
                addName(name, index);
            }
            for (String abbreviation : c.abbreviations()) {
                addAbbreviation(abbreviation, index);
            }
            index++;
        }
    }

    private void addName(String name, int concept) {
        List<String> norms = Tokenizer.tokenize(name).stream().map(Token::norm).toList();
        String joined = String.join(" ", norms);
        if (joined.length() < MIN_NAME_CHARS || norms.size() == 1 && StopWords.contains(joined)) {
            return;
        }
        names.add(norms, concept);
    }

    private void addAbbreviation(String abbreviation, int concept) {
        List<String> texts = Tokenizer.tokenize(abbreviation).stream().map(Token::text).toList();
        // one letter ("A", "I") would match ordinary prose however carefully cased
        if (texts.isEmpty() || String.join("", texts).length() < 2) {
            return;
        }
        abbreviations.add(texts, concept);
        if (texts.size() == 1 && isAcronym(texts.get(0))) {
            abbreviations.add(List.of(texts.get(0) + "s"), concept); // "DVTs"
        }
    }

    @Override
    public List<Mention> extract(String text) {
        Objects.requireNonNull(text, "text");
        List<Token> tokens = Tokenizer.tokenize(text);
        PhraseTrie.Continuation sameChunk = (prev, next) -> joinable(text, prev.end(), next.begin());
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            PhraseTrie.Match<Integer> match = pick(
                    names.longestMatch(tokens, i, Token::norm, sameChunk, v -> true),
                    abbreviations.longestMatch(tokens, i, Token::text, sameChunk, v -> true));
            if (match == null) {
                i++;
                continue;
            }
            int begin = tokens.get(i).begin();
            int end = tokens.get(i + match.length() - 1).end();
            AssertionResult assertion = assertions.detect(text, begin, end);
            mentions.add(new Mention(begin, end, text.substring(begin, end), typeByConcept.get(match.values().get(0)),
                    assertion.assertion(), assertion.trigger()));
            i += match.length();
        }
        return mentions;
    }

    /** Longer match wins; on equal length the concept earlier in KB order. */
    private static PhraseTrie.Match<Integer> pick(PhraseTrie.Match<Integer> a, PhraseTrie.Match<Integer> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.length() != b.length()) {
            return a.length() > b.length() ? a : b;
        }
        return a.values().get(0) <= b.values().get(0) ? a : b;
    }

    /** Words of one name may be separated by spaces or hyphens only. */
    private static boolean joinable(String text, int from, int to) {
        for (int p = from; p < to; p++) {
            char c = text.charAt(p);
            if (c != ' ' && c != '\t' && c != '-' && c != '\u2010' && c != '\u2011' && c != '\u2013'
                    && c != '\u00a0') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAcronym(String s) {
        return s.length() >= 2 && s.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
                && s.chars().anyMatch(Character::isLetter);
    }
}
