package io.linkrx.kb.load;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.linkrx.kb.Concept;
import io.linkrx.kb.ConceptBuilder;
import io.linkrx.kb.KbInput;
import io.linkrx.kb.KbLoader;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBaseException;
import io.linkrx.kb.LoadOptions;
import io.linkrx.kb.SemanticType;

/**
 * The DrugBank open vocabulary CSV ({@code DrugBank ID,Accession Numbers,Common name,CAS,UNII,Synonyms,Standard
 * InChI Key}; RFC 4180 quoting; multi-values " | "). Concepts are DRUGs of vocabulary DRUGBANK with xrefs
 * "CAS:…", "UNII:…", "INCHIKEY:…" and the legacy accession numbers as "DRUGBANK:…". Columns are found by header
 * name, so their order may change between releases.
 */
public final class DrugBankLoader implements KbLoader {
    static final List<String> HEADER = List.of("DrugBank ID", "Accession Numbers", "Common name", "CAS", "UNII",
            "Synonyms", "Standard InChI Key");
    private static final String MULTI_SPLIT = Pattern.quote(" | ");

    @Override
    public String format() {
        return "drugbank";
    }

    @Override
    public KnowledgeBase load(String location, LoadOptions options) {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        String hash;
        KbInput in = KbInput.open(location);
        try {
            CsvRecords csv = new CsvRecords(in.reader(), location);
            Columns columns = columns(csv.next(), location);
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                int lineNo = csv.recordLine();
                if (r.size() != columns.width) {
                    throw Lines.error(location, lineNo, "expected " + columns.width + " comma-separated fields ("
                            + String.join(", ", HEADER) + "), found " + r.size());
                }
                Concept c = concept(r, columns, location, lineNo);
                Integer first = lineOf.putIfAbsent(c.id(), lineNo);
                if (first != null) {
                    throw Lines.error(location, lineNo, "duplicate DrugBank ID " + c.id() + " (first at line "
                            + first + ")");
                }
                concepts.put(c.id(), c);
            }
            hash = in.sha256Prefix();
        } catch (IOException e) {
            throw new KnowledgeBaseException(location + ": cannot read: " + e, e);
        } finally {
            Lines.close(in);
        }
        if (concepts.isEmpty()) {
            throw new KnowledgeBaseException(location + ": no drugs found");
        }
        return KnowledgeBase.of(format() + ":" + KbInput.fileName(location) + "@" + hash, concepts.values());
    }

    private static Concept concept(List<String> r, Columns col, String location, int lineNo) {
        String id = r.get(col.id).strip();
        if (id.isEmpty()) {
            throw Lines.error(location, lineNo, "empty DrugBank ID");
        }
        ConceptBuilder b = new ConceptBuilder(id, "DRUGBANK", SemanticType.DRUG).name(value(r, col.name));
        multi(value(r, col.synonyms)).forEach(b::name);
        if (!b.hasName()) {
            throw Lines.error(location, lineNo, "drug " + id + " has neither a common name nor synonyms");
        }
        xref(b, "CAS:", value(r, col.cas));
        xref(b, "UNII:", value(r, col.unii));
        xref(b, "INCHIKEY:", value(r, col.inchiKey));
        multi(value(r, col.accessions)).forEach(a -> xref(b, "DRUGBANK:", a));
        return b.build();
    }

    private static void xref(ConceptBuilder b, String prefix, String value) {
        if (!value.isBlank()) {
            b.xref(prefix + value.strip());
        }
    }

    private static List<String> multi(String value) {
        return value.isBlank() ? List.of() : List.of(value.split(MULTI_SPLIT));
    }

    private static String value(List<String> r, int i) {
        return i < 0 ? "" : r.get(i);
    }

    /** Column positions by header name; -1 for optional columns that are absent. */
    private record Columns(int width, int id, int accessions, int name, int cas, int unii, int synonyms,
                           int inchiKey) {
    }

    private static Columns columns(List<String> header, String location) {
        if (header == null) {
            throw new KnowledgeBaseException(location + ": empty file");
        }
        List<String> names = header.stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
        int id = names.indexOf(HEADER.get(0));
        int name = names.indexOf(HEADER.get(2));
        if (id < 0 || name < 0) {
            throw Lines.error(location, 1, "expected header " + String.join(",", HEADER) + ", found " + names);
        }
        return new Columns(names.size(), id, names.indexOf(HEADER.get(1)), name, names.indexOf(HEADER.get(3)),
                names.indexOf(HEADER.get(4)), names.indexOf(HEADER.get(5)), names.indexOf(HEADER.get(6)));
    }
}
