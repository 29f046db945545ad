package io.linkrx.kb.load;

import java.util.ArrayList;
import java.util.List;

import io.linkrx.kb.ConceptBuilder;
import io.linkrx.kb.KbInput;
import io.linkrx.kb.KnowledgeBaseException;

/**
 * The MeSH ASCII descriptor release {@code dYYYY.bin}: records start with "*NEWRECORD", fields are
 * "KEY = value" lines. MH is the name, ENTRY and PRINT ENTRY synonyms (the text before the first '|', the rest
 * is term metadata), MN a tree number, UI the id. Qualifier records (RECTYPE = Q) and records without disease
 * or chemical trees (e.g. supplementary records of cYYYY.bin, which have none) are skipped.
 */
final class MeshAsciiReader {
    static final String NEW_RECORD = "*NEWRECORD";

    private final String location;
    private final MeshCollector out;
    private String ui;
    private String heading;
    private String recordType;
    private final List<String> entries = new ArrayList<>();
    private final List<String> trees = new ArrayList<>();
    private int recordLine;
    private boolean inRecord;

    MeshAsciiReader(String location, MeshCollector out) {
        this.location = location;
        this.out = out;
    }

    void read(KbInput in) {
        Lines.read(in, (line, lineNo) -> {
            if (line.startsWith(NEW_RECORD)) {
                finish();
                inRecord = true;
                recordLine = lineNo;
                return;
            }
            int eq = line.indexOf(" = ");
            if (line.isBlank() || eq <= 0) {
                return;
            }
            if (!inRecord) {
                throw Lines.error(location, lineNo, "field before the first " + NEW_RECORD);
            }
            field(line.substring(0, eq).strip(), line.substring(eq + 3).strip());
        });
        finish();
        if (recordLine == 0) {
            throw new KnowledgeBaseException(location + ": no " + NEW_RECORD + " found");
        }
    }

    private void field(String key, String value) {
        switch (key) {
            case "UI" -> ui = value;
            case "MH" -> heading = value;
            case "RECTYPE" -> recordType = value;
            case "MN" -> trees.add(value);
            case "ENTRY", "PRINT ENTRY" -> {
                int bar = value.indexOf('|');
                entries.add(bar < 0 ? value : value.substring(0, bar));
            }
            default -> {
            }
        }
    }

    private void finish() {
        if (inRecord && !"Q".equals(recordType)) {
            if (ui == null || ui.isEmpty()) {
                throw Lines.error(location, recordLine, "record without UI");
            }
            ConceptBuilder b = new ConceptBuilder(ui, Ids.MESH, null).name(heading);
            entries.forEach(b::name);
            trees.forEach(b::treeNumber);
            out.addByTrees(b);
        }
        ui = null;
        heading = null;
        recordType = null;
        entries.clear();
        trees.clear();
        inRecord = false;
    }
}
