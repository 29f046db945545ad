package io.linkrx.kb.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.linkrx.kb.ConceptBuilder;
import io.linkrx.kb.KbInput;
import io.linkrx.kb.KnowledgeBaseException;

/**
 * The MeSH TSV pair of dhimmel/mesh: {@code mesh2015_descriptor_terms.tsv} (mesh_id, mesh_name) and
 * {@code mesh2015_tree_numbers.tsv} (mesh_id, mesh_name, mesh_tree_number; one line per tree number). Given
 * either file, the other is looked up next to it by name; the tree numbers are required (they give the type),
 * the terms file only adds descriptors' order. Both files feed one digest, the given file first.
 */
final class MeshTsvReader {
    static final List<String> TERMS_HEADER = List.of("mesh_id", "mesh_name");
    static final List<String> TREES_HEADER = List.of("mesh_id", "mesh_name", "mesh_tree_number");
    private static final String[][] RENAMES = {
        {"descriptor_terms", "tree_numbers"}, {"descriptor-terms", "tree-numbers"},
        {"terms", "tree_numbers"}, {"terms", "tree-numbers"},
    };

    private final MeshCollector out;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> treeNames = new LinkedHashMap<>();
    private final Map<String, List<String>> trees = new LinkedHashMap<>();

    MeshTsvReader(MeshCollector out) {
        this.out = out;
    }

    /** Reads the given (already open) file and its sibling. */
    void read(KbInput given, MessageDigest digest) {
        boolean givenIsTrees = readFile(given);
        given.drain();
        Path sibling = sibling(given.location(), givenIsTrees);
        if (sibling == null && !givenIsTrees) {
            throw new KnowledgeBaseException(given.location() + ": MeSH descriptor terms need the tree numbers file "
                    + "next to them (e.g. mesh2015_tree_numbers.tsv); none found");
        }
        if (sibling != null) {
            KbInput other = KbInput.open(sibling.toString(), digest);
            try {
                readFile(other);
                other.drain();
            } finally {
                Lines.close(other);
            }
        }
        for (Map.Entry<String, String> e : names.entrySet()) {
            add(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : treeNames.entrySet()) {
            if (!names.containsKey(e.getKey())) {
                add(e.getKey(), e.getValue());
            }
        }
    }

    private void add(String id, String name) {
        ConceptBuilder b = new ConceptBuilder(id, Ids.MESH, null).name(name);
        trees.getOrDefault(id, List.of()).forEach(b::treeNumber);
        out.addByTrees(b);
    }

    /** @return true if it was the tree numbers file */
    private boolean readFile(KbInput in) {
        String location = in.location();
        boolean[] isTrees = new boolean[1];
        int[] width = new int[1];
        Lines.read(in, (line, lineNo) -> {
            if (line.isBlank()) {
                return;
            }
            String[] cols = line.split("\t", -1);
            if (width[0] == 0) {
                List<String> header = List.of(cols).stream().map(String::strip).toList();
                if (!header.equals(TERMS_HEADER) && !header.equals(TREES_HEADER)) {
                    throw Lines.error(location, lineNo, "expected header " + String.join("<TAB>", TERMS_HEADER)
                            + " or " + String.join("<TAB>", TREES_HEADER) + ", found " + header);
                }
                width[0] = cols.length;
                isTrees[0] = cols.length == TREES_HEADER.size();
                return;
            }
            if (cols.length != width[0]) {
                throw Lines.error(location, lineNo, "expected " + width[0] + " tab-separated columns ("
                        + String.join(", ", isTrees[0] ? TREES_HEADER : TERMS_HEADER) + "), found " + cols.length);
            }
            String id = cols[0].strip();
            if (id.isEmpty()) {
                throw Lines.error(location, lineNo, "empty mesh_id");
            }
            if (isTrees[0]) {
                treeNames.putIfAbsent(id, cols[1].strip());
                trees.computeIfAbsent(id, k -> new ArrayList<>(2)).add(cols[2].strip());
            } else {
                names.putIfAbsent(id, cols[1].strip());
            }
        });
        if (width[0] == 0) {
            throw new KnowledgeBaseException(location + ": empty file");
        }
        return isTrees[0];
    }

    /** The other file of the pair next to {@code location}, or null. */
    static Path sibling(String location, boolean givenIsTrees) {
        if (location.startsWith(KbInput.CLASSPATH_PREFIX)) {
            return null;
        }
        Path given = Path.of(location);
        String name = given.getFileName().toString();
        for (String[] rename : RENAMES) {
            String from = givenIsTrees ? rename[1] : rename[0];
            String to = givenIsTrees ? rename[0] : rename[1];
            if (name.contains(from)) {
                Path candidate = given.resolveSibling(name.replace(from, to));
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
