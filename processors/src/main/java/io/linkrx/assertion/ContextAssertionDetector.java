package io.linkrx.assertion;

import java.util.List;
import java.util.Objects;

import io.linkrx.text.Token;
import io.linkrx.text.Tokenizer;

/**
 * ConText/NegEx-style assertion detection. Pre-triggers ("denies", "history of") reach mentions up to six
 * tokens after them, post-triggers ("ruled out") up to three tokens before them, never across the clause
 * (sentence, line, ';', section header) nor across a termination term ("but", "however"). Pseudo-triggers
 * ("no increase", "gram negative") mask the words they contain. Section headers ("PMH:", "FHx:") assert
 * their whole section. When several apply: FAMILY &gt; NEGATED &gt; HYPOTHETICAL &gt; HISTORICAL.
 * Stateless and thread-safe.
 */
public final class ContextAssertionDetector {
    /** Maximum tokens between a pre-trigger and the mention it governs. */
    public static final int PRE_WINDOW = 6;
    /**
     * Maximum tokens between a mention and a post-trigger governing it. Shorter than the pre-trigger window
     * because post-triggers usually close a list ("metformin, ASA, heparin for DVT prophylaxis") and apply
     * to its last item only.
     */
    public static final int POST_WINDOW = 3;

    private final TriggerLexicon lexicon;
    private final SectionHeaders sections;
    private final ClauseBounds clauses;

    private record Found(Assertion assertion, String trigger) {
    }

    /** Detector with the default English lexicon ({@value TriggerLexicon#DEFAULT_RESOURCE}). */
    public ContextAssertionDetector() {
        this(TriggerLexicon.defaultEnglish());
    }

    /** Detector with a custom lexicon (other languages, site-specific shorthand). */
    public ContextAssertionDetector(TriggerLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.sections = new SectionHeaders(lexicon);
        this.clauses = new ClauseBounds(sections);
    }

    /** The assertion of the mention at {@code text[begin, end)}. */
    public AssertionResult detect(String text, int begin, int end) {
        Objects.requireNonNull(text, "text");
        if (begin < 0 || end > text.length() || begin > end) {
            // offsets only: the text is PHI
            throw new IndexOutOfBoundsException("mention [" + begin + ", " + end + ") outside text of length "
                    + text.length());
        }
        Found best = before(text, clauses.start(text, begin), begin);
        best = better(best, after(text, end, clauses.end(text, end)));
        SectionHeaders.Header section = sections.governing(text, begin);
        if (section != null && section.category() != TriggerCategory.PRESENT) {
            best = better(best, new Found(section.category().assertion(), section.label(text)));
        }
        return best == null ? AssertionResult.PRESENT : new AssertionResult(best.assertion(), best.trigger());
    }

    /** Pre-triggers between the clause start and the mention, nearest first. */
    private Found before(String text, int from, int to) {
        List<Token> tokens = Tokenizer.tokenize(text, from, to);
        List<TriggerLexicon.Hit> hits = lexicon.hits(tokens, TriggerDirection.PRE);
        Found best = null;
        for (int i = hits.size() - 1; i >= 0; i--) {
            TriggerLexicon.Hit hit = hits.get(i);
            if (tokens.size() - hit.end() > PRE_WINDOW || hit.rule().category() == TriggerCategory.TERMINATION) {
                break;
            }
            if (hit.rule().category() == TriggerCategory.HISTORICAL && listSeparatorBetween(text, tokens.get(hit.end() - 1).end(), to)) {
                continue; // in a list, "history of X" / "s/p X" names one item: "s/p CABG, CKD" is current CKD
            }
            best = better(best, found(text, tokens, hit));
        }
        return best;
    }

    /** Post-triggers between the mention and the clause end, nearest first. */
    private Found after(String text, int from, int to) {
        List<Token> tokens = Tokenizer.tokenize(text, from, to);
        Found best = null;
        for (TriggerLexicon.Hit hit : lexicon.hits(tokens, TriggerDirection.POST)) {
            if (hit.first() > POST_WINDOW || hit.rule().category() == TriggerCategory.TERMINATION) {
                break;
            }
            best = better(best, found(text, tokens, hit));
        }
        return best;
    }

    private static boolean listSeparatorBetween(String text, int from, int to) {
        int comma = text.indexOf(',', from);
        return comma >= 0 && comma < to;
    }

    private static Found found(String text, List<Token> tokens, TriggerLexicon.Hit hit) {
        Assertion assertion = hit.rule().category().assertion(); // null for pseudo-triggers
        return assertion == null ? null : new Found(assertion,
                text.substring(tokens.get(hit.first()).begin(), tokens.get(hit.end() - 1).end()));
    }

    /** Keeps the current finding unless the other one has strictly higher precedence (ties: nearest wins). */
    private static Found better(Found current, Found other) {
        if (other == null) {
            return current;
        }
        return current == null || other.assertion().precedence() > current.assertion().precedence() ? other : current;
    }
}
