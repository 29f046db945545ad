package io.linkrx.serving.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoder's word-level vocabulary: one token per line (UTF-8), the line number (from 0) is the token id
 * and the index into the model's logits. It must contain the special tokens {@code <pad>}, {@code <bos>},
 * {@code <eos>}, {@code <unk>} and {@code <sep>} (anywhere; {@link #withSpecials} puts them first in that order).
 */
public final class Vocabulary {
    public static final String PAD = "<pad>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";
    public static final String UNK = "<unk>";
    public static final String SEP = "<sep>";
    public static final List<String> SPECIALS = List.of(PAD, BOS, EOS, UNK, SEP);

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    private final int pad;
    private final int bos;
    private final int eos;
    private final int unk;
    private final int sep;

    public Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < this.tokens.size(); i++) {
            if (m.putIfAbsent(this.tokens.get(i), i) != null) {
                throw new IllegalArgumentException("token '" + this.tokens.get(i) + "' appears twice in the vocabulary");
            }
        }
        this.ids = Collections.unmodifiableMap(m);
        for (String s : SPECIALS) {
            if (!m.containsKey(s)) {
                throw new IllegalArgumentException("the vocabulary lacks the special token " + s);
            }
        }
        pad = m.get(PAD);
        bos = m.get(BOS);
        eos = m.get(EOS);
        unk = m.get(UNK);
        sep = m.get(SEP);
    }

    /** The special tokens (ids 0..4) followed by {@code words} (duplicates and specials skipped). */
    public static Vocabulary withSpecials(Iterable<String> words) {
        List<String> all = new ArrayList<>(SPECIALS);
        java.util.Set<String> seen = new java.util.HashSet<>(SPECIALS);
        for (String w : words) {
            if (seen.add(w)) {
                all.add(w);
            }
        }
        return new Vocabulary(all);
    }

    public static Vocabulary read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        // a trailing empty line is the file's final newline, not a token
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        try {
            return new Vocabulary(lines);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        for (String t : tokens) {
            if (t.isEmpty() || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
                throw new IOException("token cannot be written one per line: '" + t + "'");
            }
        }
        Files.write(file, tokens, StandardCharsets.UTF_8);
    }

    public int size() {
        return tokens.size();
    }

    public String token(int id) {
        return tokens.get(id);
    }

    public List<String> tokens() {
        return tokens;
    }

    /** The id of {@code token}, or {@code -1} when it is not in the vocabulary. */
    public int idOrMinusOne(String token) {
        return ids.getOrDefault(token, -1);
    }

    /** The id of {@code token}, or the id of {@code <unk>}. */
    public int id(String token) {
        return ids.getOrDefault(token, unk);
    }

    public boolean isSpecial(int id) {
        return id == pad || id == bos || id == eos || id == unk || id == sep;
    }

    public int pad() {
        return pad;
    }

    public int bos() {
        return bos;
    }

    public int eos() {
        return eos;
    }

    public int unk() {
        return unk;
    }

    public int sep() {
        return sep;
    }
}
