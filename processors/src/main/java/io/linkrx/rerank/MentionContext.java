package io.linkrx.rerank;

import io.linkrx.extract.Mention;

/**
 * What the encoder sees of a mention: its text, then the words around it in the note, so that an ambiguous
 * abbreviation ("MS") is embedded together with the words that disambiguate it ("murmur", "mitral").
 */
public final class MentionContext {
    static final String SEPARATOR = " | ";

    private final int charsEachSide;

    /** @param charsEachSide note characters taken on each side of the mention; 0: the mention text only */
    public MentionContext(int charsEachSide) {
        if (charsEachSide < 0) {
            throw new IllegalArgumentException("charsEachSide must not be negative, was " + charsEachSide);
        }
        this.charsEachSide = charsEachSide;
    }

    /** {@code mention | window}, the window cut at word boundaries; the mention alone when the span is not in the note. */
    public String of(String noteText, Mention mention) {
        if (charsEachSide == 0 || noteText == null || mention.end() > noteText.length()
                || !noteText.regionMatches(mention.begin(), mention.text(), 0, mention.text().length())) {
            return mention.text();
        }
        int from = Math.max(0, mention.begin() - charsEachSide);
        int to = Math.min(noteText.length(), mention.end() + charsEachSide);
        while (from > 0 && from < mention.begin() && !Character.isWhitespace(noteText.charAt(from - 1))) {
            from++;
        }
        while (to < noteText.length() && to > mention.end() && !Character.isWhitespace(noteText.charAt(to))) {
            to--;
        }
        return mention.text() + SEPARATOR + noteText.substring(from, to).strip();
    }
}
