package io.linkrx.stage;

/** The text around a mention, cut at word boundaries, for teacher requests. */
public final class ContextWindow {
    private final int charsEachSide;

    public ContextWindow(int charsEachSide) {
        this.charsEachSide = charsEachSide;
    }

    public String around(String text, int begin, int end) {
        int from = Math.max(0, begin - charsEachSide);
        int to = Math.min(text.length(), end + charsEachSide);
        while (from > 0 && from < begin && !Character.isWhitespace(text.charAt(from - 1))) {
            from++;
        }
        while (to < text.length() && to > end && !Character.isWhitespace(text.charAt(to))) {
            to--;
        }
        return text.substring(from, to).strip();
    }
}
