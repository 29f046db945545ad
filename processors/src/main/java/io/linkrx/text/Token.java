package io.linkrx.text;

/**
 * A word of a text.
 *
 * @param begin char offset of the first char in the original text
 * @param end   char offset after the last char (exclusive)
 * @param text  the original characters, {@code original.substring(begin, end)}
 * @param norm  the normalised form used for matching (see {@link Normalizer})
 */
public record Token(int begin, int end, String text, String norm) {
}
