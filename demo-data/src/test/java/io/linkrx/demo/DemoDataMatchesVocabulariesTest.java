package io.linkrx.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.linkrx.demo.DemoData.KbRow;

/**
 * Checks every KB id against the real vocabularies: MeSH 2015 descriptors
 * ({@code mesh/mesh2015_descriptor_terms.tsv}) and the DrugBank open vocabulary
 * ({@code drugbank_vocabulary/drugbank_vocabulary.csv}).
 * <p>
 * The data folder is {@code -Dlinkrx.shared.data=...}, else the first {@code shared/data} directory found next
 * to {@code user.dir} or one of its ancestors (i.e. {@code ../shared/data} relative to the Maven project root).
 * The test is skipped when the folder is absent; nothing is downloaded.
 */
class DemoDataMatchesVocabulariesTest {
    static final String PROPERTY = "linkrx.shared.data";
    static final String MESH_FILE = "mesh/mesh2015_descriptor_terms.tsv";
    static final String DRUGBANK_FILE = "drugbank_vocabulary/drugbank_vocabulary.csv";

    private static Path dataDir;

    @BeforeAll
    static void locateSharedData() {
        dataDir = locate().orElse(null);
    }

    static Optional<Path> locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize(); dir != null;
                dir = dir.getParent()) {
            Path sibling = dir.resolveSibling("shared").resolve("data");
            if (dir.getParent() != null && Files.isDirectory(sibling)) {
                return Optional.of(sibling);
            }
        }
        return Optional.empty();
    }

    private static Path require(String relative) {
        assumeTrue(dataDir != null, "shared data folder not found (set -D" + PROPERTY + "=...); skipping");
        Path file = dataDir.resolve(relative);
        assumeTrue(Files.isRegularFile(file), file + " is absent; skipping");
        return file;
    }

    /** mesh_id -> mesh_name from the MeSH 2015 descriptor table (TAB, header row). */
    static Map<String, String> readMesh(Path file) throws IOException {
        Map<String, String> names = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0).split("\t")).containsExactly("mesh_id", "mesh_name");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            names.put(c[0], c[1]);
        }
        return names;
    }

    /** DrugBank ID -> Common name, parsing RFC-4180 CSV (quoted fields may hold commas, quotes, newlines). */
    static Map<String, String> readDrugBank(Path file) throws IOException {
        List<List<String>> records = parseCsv(Files.readString(file, StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        int idCol = header.indexOf("DrugBank ID");
        int nameCol = header.indexOf("Common name");
        assertThat(idCol).as("DrugBank ID column").isGreaterThanOrEqualTo(0);
        assertThat(nameCol).as("Common name column").isGreaterThanOrEqualTo(0);
        Map<String, String> names = new HashMap<>();
        for (List<String> r : records.subList(1, records.size())) {
            if (r.size() > Math.max(idCol, nameCol)) {
                names.put(r.get(idCol), r.get(nameCol));
            }
        }
        return names;
    }

    static List<List<String>> parseCsv(String s) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = s.startsWith("\uFEFF") ? 1 : 0;
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    @Test
    void csvParserHandlesQuotedCommasAndQuotes() {
        List<List<String>> r = parseCsv("a,b,c\nDB1,\"x, y\",\"say \"\"hi\"\"\"\r\nDB2,,\n");
        assertThat(r).containsExactly(List.of("a", "b", "c"), List.of("DB1", "x, y", "say \"hi\""),
                List.of("DB2", "", ""));
    }

    @Test
    void meshIdsExistWithExactlyThePreferredName() throws IOException {
        Map<String, String> mesh = readMesh(require(MESH_FILE));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (KbRow r : DemoData.kbRows()) {
            if (!r.vocabulary().equals("MESH")) {
                continue;
            }
            checked++;
            String name = mesh.get(r.id());
            if (name == null) {
                problems.add(r.id() + " (" + r.preferredName() + ") is not a MeSH 2015 descriptor");
            } else if (!name.equals(r.preferredName())) {
                problems.add(r.id() + ": KB name '" + r.preferredName() + "' but MeSH name '" + name + "'");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isPositive();
    }

    @Test
    void drugBankIdsExistWithTheCommonName() throws IOException {
        Map<String, String> drugbank = readDrugBank(require(DRUGBANK_FILE));
        assertThat(drugbank.get("DB00331")).isEqualTo("Metformin");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (KbRow r : DemoData.kbRows()) {
            if (!r.vocabulary().equals("DRUGBANK")) {
                continue;
            }
            checked++;
            String name = drugbank.get(r.id());
            if (name == null) {
                problems.add(r.id() + " (" + r.preferredName() + ") is not in the DrugBank vocabulary");
            } else if (!name.equals(r.preferredName())) {
                problems.add(r.id() + ": KB name '" + r.preferredName() + "' but DrugBank name '" + name + "'");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isPositive();
    }

    @Test
    void xrefsPointToExistingIds() throws IOException {
        Map<String, String> mesh = readMesh(require(MESH_FILE));
        Map<String, String> drugbank = readDrugBank(require(DRUGBANK_FILE));
        List<String> problems = new ArrayList<>();
        for (KbRow r : DemoData.kbRows()) {
            for (String x : r.xrefs()) {
                String[] parts = x.split(":", 2);
                boolean known = switch (parts[0]) {
                    case "MESH" -> mesh.containsKey(parts[1]);
                    case "DRUGBANK" -> drugbank.containsKey(parts[1]);
                    default -> false;
                };
                if (!known) {
                    problems.add(r.id() + ": unknown xref " + x);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
