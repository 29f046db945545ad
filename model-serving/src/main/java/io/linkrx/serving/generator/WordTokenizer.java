package io.linkrx.serving.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generator's word-level tokenizer: runs of letters and digits are one token, every other non-space
 * character is a token of its own ({@code "Diabetes Mellitus, Type 2"} gives {@code diabetes mellitus , type 2});
 * lower-cased unless told otherwise. The same tokenizer builds the vocabulary, the trie and the prompts, so a
 * name always decodes to the token sequence it was indexed under.
 */
public final class WordTokenizer {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|[^\\p{L}\\p{N}\\s]");

    private final boolean lowercase;

    public WordTokenizer(boolean lowercase) {
        this.lowercase = lowercase;
    }

    public boolean lowercase() {
        return lowercase;
    }

    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(lowercase ? text.toLowerCase(Locale.ROOT) : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
