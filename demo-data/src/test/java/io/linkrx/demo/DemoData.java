package io.linkrx.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: reads the demo resources from the classpath (plain Java, no project dependencies). */
final class DemoData {
    static final String KB = "/linkrx/demo/kb.tsv";
    static final String NOTES = "/linkrx/demo/notes.jsonl";
    static final String EXPECTED_LINKS = "/linkrx/demo/expected-links.tsv";

    static final List<String> KB_HEADER = List.of("concept_id", "vocabulary", "semantic_type", "preferred_name",
            "synonyms", "abbreviations", "xrefs");

    /** One knowledge-base row. */
    record KbRow(int line, String id, String vocabulary, String type, String preferredName,
                 List<String> synonyms, List<String> abbreviations, List<String> xrefs, String raw) {
    }

    private DemoData() {
    }

    static List<String> lines(String resource) {
        InputStream in = DemoData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a "|"-list; an empty cell is an empty list (items are returned as written, not trimmed). */
    static List<String> list(String cell) {
        if (cell.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(cell.split("\\|", -1));
    }

    /** The data rows of kb.tsv (comments and the column header skipped); every row must have 7 columns. */
    static List<KbRow> kbRows() {
        List<KbRow> rows = new ArrayList<>();
        List<String> lines = lines(KB);
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (!header) {
                if (!Arrays.asList(c).equals(KB_HEADER)) {
                    throw new IllegalStateException("kb.tsv:" + (i + 1) + ": bad column header " + line);
                }
                header = true;
                continue;
            }
            if (c.length != KB_HEADER.size()) {
                throw new IllegalStateException("kb.tsv:" + (i + 1) + ": expected 7 columns, found " + c.length);
            }
            rows.add(new KbRow(i + 1, c[0], c[1], c[2], c[3], list(c[4]), list(c[5]), list(c[6]), line));
        }
        return rows;
    }
}
