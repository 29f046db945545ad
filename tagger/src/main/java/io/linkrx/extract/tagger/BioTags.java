package io.linkrx.extract.tagger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.linkrx.kb.SemanticType;
import io.linkrx.text.Token;

/**
 * BIO labels per semantic type ("B-DISEASE", "I-DISEASE", ..., "O") and the conversion between labelled
 * tokens and char spans.
 */
public final class BioTags {
    public static final String OUTSIDE = "O";

    private BioTags() {
    }

    public static String begin(SemanticType type) {
        return "B-" + type.name();
    }

    public static String inside(SemanticType type) {
        return "I-" + type.name();
    }

    /** The label set of a tagger for these types, O first. */
    public static List<String> labels(Iterable<SemanticType> types) {
        List<String> labels = new ArrayList<>(List.of(OUTSIDE));
        for (SemanticType t : types) {
            labels.add(begin(t));
            labels.add(inside(t));
        }
        return labels;
    }

    /** Labels of one sentence and the number of spans that could not be labelled. */
    public record Encoding(List<String> labels, int skippedSpans) {
    }

    /**
     * Labels for {@code tokens} given spans (in any order). A token belongs to a span when it overlaps it, so a
     * span that cuts a token takes the whole token; a span overlapping an earlier labelled one is skipped.
     */
    public static Encoding encode(List<Token> tokens, List<TypedSpan> spans) {
        String[] labels = new String[tokens.size()];
        Arrays.fill(labels, OUTSIDE);
        List<TypedSpan> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> a.begin() != b.begin() ? Integer.compare(a.begin(), b.begin())
                : Integer.compare(b.end(), a.end()));
        int skipped = 0;
        for (TypedSpan span : sorted) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (span.overlaps(tokens.get(i).begin(), tokens.get(i).end())) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first < 0 || !free(labels, first, last)) {
                skipped++;
                continue;
            }
            labels[first] = begin(span.type());
            for (int i = first + 1; i <= last; i++) {
                labels[i] = inside(span.type());
            }
        }
        return new Encoding(List.of(labels), skipped);
    }

    /**
     * Spans of labelled tokens, robust to label sequences a CRF may produce: an I- label that does not continue
     * a span of its type (after O, or after another type) starts a new span, and a span still open at the end
     * of the sentence is closed there. Unknown labels count as O.
     */
    public static List<TypedSpan> decode(List<Token> tokens, List<String> labels) {
        if (tokens.size() != labels.size()) {
            throw new IllegalArgumentException(tokens.size() + " tokens but " + labels.size() + " labels");
        }
        List<TypedSpan> spans = new ArrayList<>();
        int start = -1;
        SemanticType open = null;
        for (int i = 0; i <= tokens.size(); i++) {
            String label = i < tokens.size() ? labels.get(i) : OUTSIDE;
            SemanticType type = typeOf(label);
            boolean continues = type != null && type == open && label.startsWith("I-");
            if (open != null && !continues) {
                spans.add(new TypedSpan(tokens.get(start).begin(), tokens.get(i - 1).end(), open));
                open = null;
            }
            if (type != null && !continues) {
                open = type;
                start = i;
            }
        }
        return spans;
    }

    /** The type of a B- or I- label, else null. */
    static SemanticType typeOf(String label) {
        if (label == null || label.length() < 3 || label.charAt(1) != '-'
                || label.charAt(0) != 'B' && label.charAt(0) != 'I') {
            return null;
        }
        try {
            return SemanticType.valueOf(label.substring(2));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean free(String[] labels, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (!OUTSIDE.equals(labels[i])) {
                return false;
            }
        }
        return true;
    }
}
