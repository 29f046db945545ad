package io.linkrx.kb.load;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.kb.KbInput;
import io.linkrx.kb.KbLoader;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.LoadOptions;

/**
 * Two-column {@code id<TAB>name} lists, one name per line: DRKG's named entity lists (e.g. {@code
 * named_compounds.tsv}: "MESH:C013592 TAB mangiferin", "CHEBI:… TAB …") or any id-name export. Ids follow {@link
 * Ids#parse}, the first name of an id is its preferred name. A row whose name is empty (a lookup that found none)
 * is skipped and counted, since such lists are built by looking names up; a row without a tab is an error.
 * <p>Options ({@link NameList}): {@code type} (default disease), {@code vocabulary} for bare non-MeSH ids (default
 * NAMES), {@code keep} to keep only some vocabularies ({@code keep=MESH}: the MeSH supplementary records of DRKG's
 * compounds, not its CHEBI or PubChem ones), {@code altids=<file>}.
 */
public final class NamesLoader implements KbLoader {
    private static final Logger LOG = LoggerFactory.getLogger(NamesLoader.class);

    @Override
    public String format() {
        return "names";
    }

    @Override
    public Set<String> options() {
        return NameList.OPTIONS;
    }

    @Override
    public KnowledgeBase load(String location, LoadOptions options) {
        NameList names = new NameList(options, "NAMES");
        int[] nameless = new int[1];
        String hash;
        KbInput in = KbInput.open(location);
        try {
            Lines.read(in, (line, lineNo) -> {
                if (line.isBlank()) {
                    return;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw Lines.error(location, lineNo, "expected id<TAB>name");
                }
                String name = line.substring(tab + 1).strip();
                if (name.isEmpty()) {
                    nameless[0]++;
                } else {
                    names.add(line.substring(0, tab), name);
                }
            });
            hash = in.sha256Prefix();
        } finally {
            Lines.close(in);
        }
        KnowledgeBase kb = names.build(format(), location, hash, options);
        LOG.info("{}: {} rows without a name skipped, {} ids of vocabularies not kept skipped",
                KbInput.fileName(location), nameless[0], names.idsNotKept());
        return kb;
    }
}
