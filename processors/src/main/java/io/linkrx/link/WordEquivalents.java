package io.linkrx.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import io.linkrx.text.AmericanSpelling;
import io.linkrx.text.Normalizer;

/**
 * Canonical forms of words that name the same thing in medical names ("renal" = "kidney", "tumour" =
 * "neoplasm"), from {@value #RESOURCE}, with British spellings in American form: "pancreatic tumors" and
 * "Pancreatic Neoplasms" have the same canonical form, and so have "anaemia" and "Anemia". Immutable and
 * thread-safe.
 */
final class WordEquivalents {
    static final String RESOURCE = "linkrx/link/word-equivalents.tsv";
    private static final Map<String, String> CANONICAL = load();

    private WordEquivalents() {
    }

    /** The normalised phrase with every word replaced by its canonical form. */
    static String canonical(String normalised) {
        if (normalised.isEmpty()) {
            return normalised;
        }
        StringJoiner out = new StringJoiner(" ");
        for (String w : normalised.split(" ")) {
            String spelled = AmericanSpelling.of(w);
            out.add(CANONICAL.getOrDefault(spelled, spelled));
        }
        return out.toString();
    }

    private static Map<String, String> load() {
        InputStream in = WordEquivalents.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + RESOURCE);
        }
        Map<String, String> map = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.split("\t");
                String canonical = AmericanSpelling.of(Normalizer.normalize(words[0]));
                for (String w : words) {
                    map.put(AmericanSpelling.of(Normalizer.normalize(w)), canonical);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return Map.copyOf(map);
    }
}
