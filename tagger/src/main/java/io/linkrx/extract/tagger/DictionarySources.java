package io.linkrx.extract.tagger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;

/**
 * Loads dictionary names from a source spec, deliberately small (full KB loaders live elsewhere):
 * <ul>
 *   <li>{@code path}: a linkrx knowledge-base TSV, types from the file;</li>
 *   <li>{@code TYPE=path} with {@code ID||name} lines (BioSyn-style, e.g. MEDIC);</li>
 *   <li>{@code TYPE=path} with a MeSH TSV {@code mesh_id, mesh_name[, mesh_tree_number]}: with tree numbers
 *       only descriptors under the type's tree are kept (C for diseases, D for chemicals and drugs).</li>
 * </ul>
 * The format is recognised from the first line. Errors name the file, never its content.
 */
public final class DictionarySources {
    private DictionarySources() {
    }

    /** The names of all specs, in order. */
    public static TaggerDictionary load(List<String> specs) {
        List<DictionaryEntry> entries = new ArrayList<>();
        for (String spec : specs) {
            entries.addAll(entries(spec));
        }
        return TaggerDictionary.of(entries);
    }

    /** The names of one spec. */
    public static List<DictionaryEntry> entries(String spec) {
        int eq = spec.indexOf('=');
        SemanticType type = eq > 0 ? typeOrNull(spec.substring(0, eq)) : null;
        if (type == null) {
            return TaggerDictionary.of(KnowledgeBase.load(spec)).entries();
        }
        Path file = Path.of(spec.substring(eq + 1));
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                throw new IllegalArgumentException(file + ": empty dictionary");
            }
            if (first.startsWith("mesh_id\t")) {
                return mesh(in, type, file, first.split("\t").length >= 3);
            }
            if (first.startsWith("DrugBank ID,")) {
                return drugBank(in, type);
            }
            if (first.contains("||")) {
                List<DictionaryEntry> entries = new ArrayList<>();
                addPipeLine(first, type, entries);
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    addPipeLine(line, type, entries);
                }
                return entries;
            }
            throw new IllegalArgumentException(file + ": neither ID||name lines nor a MeSH TSV with a mesh_id header");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read dictionary: " + e.getMessage(), e);
        }
    }

    private static void addPipeLine(String line, SemanticType type, List<DictionaryEntry> out) {
        int sep = line.indexOf("||");
        if (sep > 0 && sep + 2 < line.length()) {
            out.add(new DictionaryEntry(line.substring(0, sep).strip(), line.substring(sep + 2).strip(), type));
        }
    }

    private static List<DictionaryEntry> mesh(BufferedReader in, SemanticType type, Path file, boolean withTrees)
            throws IOException {
        String tree = type == SemanticType.DISEASE ? "C" : "D";
        Set<String> seen = new LinkedHashSet<>();
        List<DictionaryEntry> entries = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] cols = line.split("\t", -1);
            if (cols.length < 2 || withTrees && (cols.length < 3 || !cols[2].startsWith(tree))) {
                continue;
            }
            if (seen.add(cols[0])) {
                entries.add(new DictionaryEntry(cols[0].strip(), cols[1].strip(), type));
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(file + ": no MeSH names" + (withTrees ? " under tree " + tree : ""));
        }
        return entries;
    }

    /** DrugBank open vocabulary CSV: the common name and the " | "-separated synonyms of each drug. */
    private static List<DictionaryEntry> drugBank(BufferedReader in, SemanticType type) throws IOException {
        List<DictionaryEntry> entries = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            List<String> cols = csv(line);
            if (cols.size() < 6) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            names.add(cols.get(2).strip());
            for (String synonym : cols.get(5).split(" \\| ")) {
                names.add(synonym.strip());
            }
            for (String name : names) {
                if (!name.isEmpty()) {
                    entries.add(new DictionaryEntry(cols.get(0), name, type));
                }
            }
        }
        return entries;
    }

    /** One RFC-4180 CSV line (no line breaks inside fields, as in the DrugBank vocabulary). */
    static List<String> csv(String line) {
        List<String> cols = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cols.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cols.add(cur.toString());
        return cols;
    }

    private static SemanticType typeOrNull(String s) {
        try {
            return SemanticType.parse(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
