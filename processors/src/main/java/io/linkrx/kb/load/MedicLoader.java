package io.linkrx.kb.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.linkrx.kb.ConceptBuilder;
import io.linkrx.kb.KbInput;
import io.linkrx.kb.KbLoader;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBaseException;
import io.linkrx.kb.LoadOptions;
import io.linkrx.kb.SemanticType;

/**
 * CTD MEDIC {@code CTD_diseases.tsv[.gz]}: '#' header lines, then
 * {@code DiseaseName DiseaseID AltDiseaseIDs Definition ParentIDs TreeNumbers ParentTreeNumbers Synonyms
 * SlimMappings} (TAB, multi-values '|'). "MESH:D003920" becomes id D003920 of vocabulary MESH, "OMIM:264300"
 * stays as is (vocabulary OMIM); AltDiseaseIDs become xrefs; tree numbers are kept as given
 * ("C16.131.260/C538288" for supplementary concepts). Every concept is a DISEASE.
 * <p>Option {@code altids=<file>}: extra {@code primary_id<TAB>alt_id} lines merged into the xrefs (relative
 * paths are next to the MEDIC file). Version: {@code medic:<report date>@<hash>} from "# Report created:".
 */
public final class MedicLoader implements KbLoader {
    static final List<String> COLUMNS = List.of("DiseaseName", "DiseaseID", "AltDiseaseIDs", "Definition",
            "ParentIDs", "TreeNumbers", "ParentTreeNumbers", "Synonyms", "SlimMappings");
    private static final Pattern REPORT_DATE = Pattern.compile(
            "#\\s*Report created:\\s*\\w{3}\\s+(\\w{3})\\s+(\\d{1,2})\\s+[\\d:]+\\s+\\S+\\s+(\\d{4}).*");
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec");

    @Override
    public String format() {
        return "medic";
    }

    @Override
    public Set<String> options() {
        return Set.of(AltIds.OPTION);
    }

    @Override
    public KnowledgeBase load(String location, LoadOptions options) {
        Map<String, ConceptBuilder> byId = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        String[] release = new String[1];
        String hash;
        KbInput in = KbInput.open(location);
        try {
            Lines.read(in, (line, lineNo) -> {
                if (line.startsWith("#")) {
                    if (release[0] == null) {
                        release[0] = reportDate(line);
                    }
                } else if (!line.isBlank()) {
                    row(location, line, lineNo, byId, lineOf);
                }
            });
            hash = in.sha256Prefix();
        } finally {
            Lines.close(in);
        }
        if (byId.isEmpty()) {
            throw new KnowledgeBaseException(location + ": no concepts found");
        }
        String version = format() + ":" + (release[0] != null ? release[0] : KbInput.fileName(location)) + "@" + hash
                + AltIds.mergeOption(options, location, byId);
        return KnowledgeBase.of(version, byId.values().stream().map(ConceptBuilder::build).toList());
    }

    private static void row(String location, String line, int lineNo, Map<String, ConceptBuilder> byId,
                            Map<String, Integer> lineOf) {
        String[] cols = line.split("\t", -1);
        // editors strip trailing tabs, so trailing columns may be missing
        if (cols.length < 2 || cols.length > COLUMNS.size()) {
            throw Lines.error(location, lineNo, "expected " + COLUMNS.size() + " tab-separated columns ("
                    + String.join(", ", COLUMNS) + "), found " + cols.length);
        }
        if (cols[0].equals(COLUMNS.get(0)) && cols[1].equals(COLUMNS.get(1))) {
            return; // a header row without '#' (newer CTD exports)
        }
        String name = cols[0].strip();
        String rawId = cols[1].strip();
        if (name.isEmpty() || rawId.isEmpty()) {
            throw Lines.error(location, lineNo, "empty " + (name.isEmpty() ? "DiseaseName" : "DiseaseID"));
        }
        Ids.Id id = Ids.parse(rawId, Ids.MESH);
        Integer first = lineOf.putIfAbsent(id.id(), lineNo);
        if (first != null) {
            throw Lines.error(location, lineNo, "duplicate DiseaseID " + rawId + " (first at line " + first + ")");
        }
        ConceptBuilder b = new ConceptBuilder(id.id(), id.vocabulary(), SemanticType.DISEASE).name(name);
        split(column(cols, 7), b::name);
        split(column(cols, 2), b::xref);
        split(column(cols, 5), b::treeNumber);
        byId.put(id.id(), b);
    }

    /** "Tue Jun 06 11:31:46 EDT 2017" → "2017-06-06"; null when the line is not the report date. */
    static String reportDate(String line) {
        Matcher m = REPORT_DATE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(1)) + 1;
        return month == 0 ? null : String.format("%s-%02d-%02d", m.group(3), month, Integer.parseInt(m.group(2)));
    }

    private static String column(String[] cols, int i) {
        return i < cols.length ? cols[i] : "";
    }

    static void split(String multi, Consumer<String> sink) {
        if (multi.isEmpty()) {
            return;
        }
        for (String v : multi.split("\\|")) {
            if (!v.isBlank()) {
                sink.accept(v.strip());
            }
        }
    }
}
