package io.linkrx.stage;

import io.linkrx.route.PhiMinimizer;
import java.util.Objects;

/**
 * The text around a mention, cut at word boundaries and PHI-minimised, for teacher requests. The mention itself is
 * never redacted, and its offset inside the excerpt is known, so the teacher (and the trainer) can find it.
 */
public final class ContextWindow {
    /**
     * Text just outside the window that is searched for PHI too, so an identifier or name cut by the window edge
     * is still recognised (and its visible part redacted).
     */
    static final int LOOK_AROUND = 64;

    private final int charsEachSide;
    private final PhiMinimizer minimizer;

    /** A window without redaction. */
    public ContextWindow(int charsEachSide) {
        this(charsEachSide, PhiMinimizer.off());
    }

    public ContextWindow(int charsEachSide, PhiMinimizer minimizer) {
        if (charsEachSide < 0) {
            throw new IllegalArgumentException("charsEachSide must be at least 0, was " + charsEachSide);
        }
        this.charsEachSide = charsEachSide;
        this.minimizer = Objects.requireNonNull(minimizer, "minimizer");
    }

    /**
     * A redacted window around a mention.
     *
     * @param text          the window, PHI replaced by tokens such as {@code [NAME]}
     * @param mentionOffset where the mention starts inside {@code text}
     */
    public record Excerpt(String text, int mentionOffset) {}

    /** The window's text (see {@link #excerpt}). */
    public String around(String text, int begin, int end) {
        return excerpt(text, begin, end).text();
    }

    public Excerpt excerpt(String text, int begin, int end) {
        int from = Math.max(0, begin - charsEachSide);
        int to = Math.min(text.length(), end + charsEachSide);
        while (from > 0 && from < begin && !Character.isWhitespace(text.charAt(from - 1))) {
            from++;
        }
        while (to < text.length() && to > end && !Character.isWhitespace(text.charAt(to))) {
            to--;
        }
        while (from < begin && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > end && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        StringBuilder out = new StringBuilder(to - from + 16);
        int mentionOffset = -1;
        int at = from;
        for (PhiMinimizer.Span span : minimizer.spans(text, Math.max(0, from - LOOK_AROUND),
                Math.min(text.length(), to + LOOK_AROUND), begin, end)) {
            if (span.end() <= from || span.begin() >= to) {
                continue;
            }
            if (span.begin() > at) {
                mentionOffset = copy(text, at, span.begin(), begin, out, mentionOffset);
            }
            out.append(span.category().token());
            at = Math.max(at, span.end());
        }
        if (at < to) {
            mentionOffset = copy(text, at, to, begin, out, mentionOffset);
        }
        return new Excerpt(out.toString(), mentionOffset);
    }

    /** Appends text[from, to) and returns the mention's offset in the output once the copy contains its start. */
    private static int copy(String text, int from, int to, int mentionBegin, StringBuilder out, int mentionOffset) {
        if (mentionOffset < 0 && mentionBegin >= from && mentionBegin < to) {
            mentionOffset = out.length() + (mentionBegin - from);
        }
        out.append(text, from, to);
        return mentionOffset;
    }
}
