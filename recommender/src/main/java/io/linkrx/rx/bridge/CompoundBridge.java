package io.linkrx.rx.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * DrugBank ids, names, synonyms and UNIIs ↔ graph {@code Compound::DB…} ids, from DrugBank's open vocabulary CSV
 * ({@code DrugBank ID,Accession Numbers,Common name,CAS,UNII,Synonyms,Standard InChI Key}, synonyms " | "-separated).
 * Names match case-insensitively; a synonym shared by two drugs resolves to neither.
 */
public final class CompoundBridge {
    private final Map<String, String> names = new HashMap<>();   // DB id → common name
    private final Map<String, String> byKey = new HashMap<>();   // lower-case name/synonym/UNII → DB id ("" = ambiguous)

    public static CompoundBridge fromCsv(Path file) {
        CompoundBridge b = new CompoundBridge();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                List<String> f = csv(line);
                if (f.size() < 6) {
                    continue;
                }
                String id = f.get(0);
                b.names.put(id, f.get(2));
                b.key(f.get(2), id, true);
                b.key(f.get(4), id, true);
                for (String syn : f.get(5).split(" \\| ")) {
                    b.key(syn, id, false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b;
    }

    private void key(String k, String id, boolean primary) {
        if (k == null || k.isBlank()) {
            return;
        }
        String key = k.strip().toLowerCase(Locale.ROOT);
        String prev = byKey.get(key);
        if (prev == null || primary && prev.isEmpty()) {
            byKey.put(key, id);
        } else if (!prev.equals(id) && !primary) {
            byKey.put(key, "");
        }
    }

    /** Graph id ({@code Compound::DB…}) for a DrugBank id, name, synonym or UNII. */
    public Optional<String> resolve(String nameIdOrUnii) {
        String s = nameIdOrUnii.strip();
        if (s.matches("DB\\d{5}")) {
            return Optional.of("Compound::" + s);
        }
        String id = byKey.get(s.toLowerCase(Locale.ROOT));
        return id == null || id.isEmpty() ? Optional.empty() : Optional.of("Compound::" + id);
    }

    public Optional<String> name(String drugbankId) {
        String id = drugbankId.startsWith("Compound::") ? drugbankId.substring(10) : drugbankId;
        return Optional.ofNullable(names.get(id));
    }

    public Map<String, String> names() {
        return Map.copyOf(names);
    }

    /** RFC-4180 fields of one line (quotes, doubled quotes). */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
