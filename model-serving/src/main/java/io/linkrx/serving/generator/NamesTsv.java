package io.linkrx.serving.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code names.tsv}: UTF-8, one name per line, three tab-separated columns
 * {@code concept_id  semantic_type  name}. Lines starting with {@code #} and blank lines are ignored, and so is
 * a header line whose first column is {@code concept_id}. The semantic type may be empty (the name then matches
 * only requests without a semantic-type filter).
 */
public final class NamesTsv {
    public static final String HEADER = "concept_id\tsemantic_type\tname";

    private NamesTsv() {}

    public static List<KbName> read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    public static List<KbName> read(BufferedReader reader, String source) throws IOException {
        List<KbName> names = new ArrayList<>();
        String line;
        int lineNo = 0;
        boolean first = true;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < 3) {
                throw new IOException(source + ":" + lineNo + ": expected 3 tab-separated columns "
                    + "(concept_id, semantic_type, name), got " + cols.length);
            }
            boolean header = first && cols[0].strip().equals("concept_id");
            first = false;
            if (header) {
                continue;
            }
            String id = cols[0].strip();
            String name = cols[2].strip();
            if (id.isEmpty() || name.isEmpty()) {
                throw new IOException(source + ":" + lineNo + ": empty concept id or name");
            }
            names.add(new KbName(id, cols[1].strip(), name));
        }
        return names;
    }

    public static void write(Path file, List<KbName> names) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (KbName n : names) {
                for (String s : List.of(n.conceptId(), n.semanticType(), n.name())) {
                    if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0) {
                        throw new IOException("tab or newline inside a names.tsv field: " + s);
                    }
                }
                w.write(n.conceptId() + "\t" + n.semanticType() + "\t" + n.name() + "\n");
            }
        }
    }
}
