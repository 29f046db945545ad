package io.linkrx.kb.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.linkrx.kb.Concept;
import io.linkrx.kb.ConceptBuilder;
import io.linkrx.kb.SemanticType;

/**
 * Turns MRCONSO rows ({@code CUI|LAT|TS|LUI|STT|SUI|ISPREF|AUI|SAUI|SCUI|SDUI|SAB|TTY|CODE|STR|SRL|SUPPRESS|CVF|})
 * into concepts, one CUI at a time (releases are sorted by CUI, so only one concept is open). Fields are
 * compared in place; only kept names become strings.
 * <p>Kept rows: CUI of an allowed type, LAT in the languages, SAB in the sources (all when none are listed),
 * SUPPRESS not in the dropped set. TTY AB and ACR are abbreviations. MSH rows give the xref "MESH:" + CODE
 * whatever the filters. Preferred name: a row with TS=P, STT=PF, ISPREF=Y, then the earliest listed SAB, then the
 * first row.
 */
final class UmlsConsoReader {
    static final int FIELDS = 18;
    static final String HEADER = "CUI|LAT|TS|LUI|STT|SUI|ISPREF|AUI|SAUI|SCUI|SDUI|SAB|TTY|CODE|STR|SRL|SUPPRESS|CVF";
    private static final int LAT = 1;
    private static final int TS = 2;
    private static final int STT = 4;
    private static final int ISPREF = 6;
    private static final int SAB = 11;
    private static final int TTY = 12;
    private static final int CODE = 13;
    private static final int STR = 14;
    private static final int SUPPRESS = 16;

    private final String location;
    private final UmlsTypes types;
    private final Set<SemanticType> allowed;
    private final List<String> languages;
    private final List<String> sources;
    private final List<String> suppressed;
    private final Map<String, Concept> concepts = new LinkedHashMap<>();
    private final int[] ends = new int[FIELDS];

    private ConceptBuilder current;
    private boolean currentHasNames;
    private String bestName;
    private int bestRank;
    private long rows;
    private long keptRows;
    private int reopened;

    UmlsConsoReader(String location, UmlsTypes types, Set<SemanticType> allowed, List<String> languages,
                    List<String> sources, List<String> suppressed) {
        this.location = location;
        this.types = types;
        this.allowed = allowed;
        this.languages = languages;
        this.sources = sources;
        this.suppressed = suppressed;
    }

    void row(String line, int lineNo) {
        if (line.isEmpty()) {
            return;
        }
        rows++;
        int n = split(line);
        if (n < FIELDS) {
            throw Lines.error(location, lineNo, "expected " + FIELDS + " '|'-separated MRCONSO fields (" + HEADER
                    + "), found " + n);
        }
        int cuiEnd = ends[0];
        SemanticType type = types.type(line, cuiEnd, allowed);
        if (type == null) {
            return;
        }
        if (current == null || current.id().length() != cuiEnd || !line.startsWith(current.id())) {
            flush();
            current = new ConceptBuilder(line.substring(0, cuiEnd), "UMLS", type);
        }
        if (is(line, SAB, "MSH") && end(CODE) > start(CODE)) {
            char c = line.charAt(start(CODE));
            if (c == 'D' || c == 'C') {
                current.xref(Ids.MESH_PREFIX + field(line, CODE));
            }
        }
        if (!isAny(line, LAT, languages) || isAny(line, SUPPRESS, suppressed)) {
            return;
        }
        int sabRank = sources.isEmpty() ? 0 : indexOf(line, SAB, sources);
        if (sabRank < 0 || end(STR) == start(STR)) {
            return;
        }
        keptRows++;
        String name = field(line, STR);
        currentHasNames = true;
        if (is(line, TTY, "AB") || is(line, TTY, "ACR")) {
            current.abbreviation(name);
            return;
        }
        current.name(name);
        boolean preferred = is(line, TS, "P") && is(line, STT, "PF") && is(line, ISPREF, "Y");
        int rank = (preferred ? 0 : 1 << 16) + sabRank;
        if (bestName == null || rank < bestRank) {
            bestName = name;
            bestRank = rank;
        }
    }

    /** Closes the open concept; call once after the last row. */
    void flush() {
        if (current != null && currentHasNames) {
            if (bestName != null) {
                current.preferredName(bestName);
            }
            Concept c = current.build();
            Concept earlier = concepts.putIfAbsent(c.id(), c);
            if (earlier != null) {
                // an unsorted file: merge, keeping the first block's preferred name
                concepts.put(c.id(), ConceptBuilder.from(earlier).addAll(c).build());
                reopened++;
            }
        }
        current = null;
        currentHasNames = false;
        bestName = null;
    }

    Map<String, Concept> concepts() {
        return concepts;
    }

    long rows() {
        return rows;
    }

    long keptRows() {
        return keptRows;
    }

    int reopened() {
        return reopened;
    }

    /** Records where each of the first {@link #FIELDS} fields ends; returns the number of fields found. */
    private int split(String line) {
        int n = 0;
        int from = 0;
        while (n < FIELDS) {
            int bar = line.indexOf('|', from);
            if (bar < 0) {
                ends[n++] = line.length();
                break;
            }
            ends[n++] = bar;
            from = bar + 1;
        }
        return n;
    }

    private int start(int field) {
        return field == 0 ? 0 : ends[field - 1] + 1;
    }

    private int end(int field) {
        return ends[field];
    }

    private String field(String line, int field) {
        return line.substring(start(field), end(field));
    }

    private boolean is(String line, int field, String value) {
        int s = start(field);
        return end(field) - s == value.length() && line.startsWith(value, s);
    }

    private boolean isAny(String line, int field, List<String> values) {
        return indexOf(line, field, values) >= 0;
    }

    private int indexOf(String line, int field, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (is(line, field, values.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
