package io.linkrx.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import io.linkrx.text.Normalizer;

/**
 * Common English words that are also concept names ("lead", "cold", "fall"): matching them as single-word
 * names would flood the output with false mentions, so they are only matched inside longer names.
 */
final class StopWords {
    static final String RESOURCE = "linkrx/extract/stopwords.txt";
    private static final Set<String> WORDS = load();

    private StopWords() {
    }

    /** True for a normalised single word that must not be matched on its own. */
    static boolean contains(String norm) {
        return WORDS.contains(norm);
    }

    private static Set<String> load() {
        InputStream in = StopWords.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + RESOURCE);
        }
        Set<String> words = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(Normalizer.normalize(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
