package io.linkrx.assertion;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.linkrx.text.Token;
import io.linkrx.text.Tokenizer;

/**
 * Finds section headers ("PMH:", "Family history:", "Assessment:") and the section governing a position.
 * A header is a known lexicon header anywhere in a line, or any short label of at most four words at the
 * start of a line (unknown labels such as "Meds:" still end the previous section).
 */
final class SectionHeaders {
    private static final int MAX_GENERIC_WORDS = 4;
    private static final int MAX_LABEL_CHARS = 80;
    private static final int MAX_LOOKBACK_LINES = 200;

    /** A header: label {@code [begin, labelEnd)}, colon at {@code end - 1}. */
    record Header(int begin, int labelEnd, int end, TriggerCategory category) {
        String label(String text) {
            return text.substring(begin, labelEnd);
        }
    }

    private final TriggerLexicon lexicon;

    SectionHeaders(TriggerLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * The header whose section contains {@code pos}: the last header before it in the same sentence of its
     * line, else the nearest header alone on an earlier line, unless a blank line or a header with content
     * intervenes.
     */
    Header governing(String text, int pos) {
        int lineStart = lineStart(text, pos);
        List<Header> current = headersIn(text, lineStart, pos);
        if (!current.isEmpty()) {
            // a header with content on its line governs its own sentence only: whole notes are often one line
            Header last = current.get(current.size() - 1);
            return ClauseBounds.sentenceEndIn(text, last.end(), pos) ? null : last;
        }
        int lineEnd = lineStart - 1;
        for (int n = 0; n < MAX_LOOKBACK_LINES && lineEnd >= 0; n++) {
            if (lineEnd > 0 && text.charAt(lineEnd) == '\n' && text.charAt(lineEnd - 1) == '\r') {
                lineEnd--; // CRLF is one line break, not an empty line
            }
            int start = lineStart(text, lineEnd);
            if (text.substring(start, lineEnd).isBlank()) {
                return null;
            }
            List<Header> headers = headersIn(text, start, lineEnd);
            if (!headers.isEmpty()) {
                Header last = headers.get(headers.size() - 1);
                return text.substring(last.end(), lineEnd).isBlank() ? last : null;
            }
            lineEnd = start - 1;
        }
        return null;
    }

    /** Headers whose colon lies in {@code [from, to)} of one line. */
    private List<Header> headersIn(String text, int from, int to) {
        List<Header> headers = new ArrayList<>();
        for (int p = text.indexOf(':', from); p >= 0 && p < to; p = text.indexOf(':', p + 1)) {
            Header h = headerAt(text, p, false);
            if (h != null) {
                headers.add(h);
            }
        }
        return headers;
    }

    /** The header ending with the colon at {@code colon}, or null; {@code knownOnly} skips generic labels. */
    Header headerAt(String text, int colon, boolean knownOnly) {
        if (colon > 0 && colon + 1 < text.length()
                && Character.isDigit(text.charAt(colon - 1)) && Character.isDigit(text.charAt(colon + 1))) {
            return null; // a time such as 10:30
        }
        int lineStart = lineStart(text, colon);
        int from = Math.max(lineStart, colon - MAX_LABEL_CHARS);
        List<Token> tokens = Tokenizer.tokenize(text, from, colon);
        if (from > lineStart && !tokens.isEmpty()) {
            tokens = tokens.subList(1, tokens.size()); // the first token may be cut
        }
        if (tokens.isEmpty() || !text.substring(tokens.get(tokens.size() - 1).end(), colon).isBlank()) {
            return null;
        }
        for (int len = Math.min(lexicon.maxSectionTokens(), tokens.size()); len >= 1; len--) {
            List<Token> label = tokens.subList(tokens.size() - len, tokens.size());
            TriggerCategory category = lexicon.sectionCategory(
                    label.stream().map(Token::norm).collect(Collectors.joining(" ")));
            if (category != null && joined(text, label)) {
                return new Header(label.get(0).begin(), label.get(len - 1).end(), colon + 1, category);
            }
        }
        boolean generic = !knownOnly && from == lineStart && tokens.size() <= MAX_GENERIC_WORDS
                && onlyBullets(text, lineStart, tokens.get(0).begin()) && joined(text, tokens);
        return generic ? new Header(tokens.get(0).begin(), tokens.get(tokens.size() - 1).end(), colon + 1,
                TriggerCategory.PRESENT) : null;
    }

    private static boolean joined(String text, List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            for (int p = tokens.get(i - 1).end(); p < tokens.get(i).begin(); p++) {
                if (" \t/&-".indexOf(text.charAt(p)) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean onlyBullets(String text, int from, int to) {
        for (int p = from; p < to; p++) {
            if (" \t-*>\u2022\u00b7".indexOf(text.charAt(p)) < 0) {
                return false;
            }
        }
        return true;
    }

    static int lineStart(String text, int pos) {
        int p = pos - 1;
        while (p >= 0 && text.charAt(p) != '\n' && text.charAt(p) != '\r') {
            p--;
        }
        return p + 1;
    }
}
