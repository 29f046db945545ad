package io.linkrx.kb.load;

/**
 * Two-column {@code id<TAB>name} lists, one name per line: DRKG's named entity lists (e.g. {@code
 * named_compounds.tsv}: "MESH:C013592 TAB mangiferin", "CHEBI:… TAB …") or any id-name export. Ids follow {@link
 * Ids#parse}, the first name of an id is its preferred name. A row whose name is empty (a lookup that found none)
 * is skipped and counted, since such lists are built by looking names up; a row without a tab is an error.
 * <p>Options ({@link NameList}): {@code type} (default disease), {@code vocabulary} for bare non-MeSH ids (default
 * NAMES), {@code keep} to keep only some vocabularies ({@code keep=MESH}: the MeSH supplementary records of DRKG's
 * compounds, not its CHEBI or PubChem ones), {@code altids=<file>}.
 */
public final class NamesLoader extends NameListLoader {
    public NamesLoader() {
        super("names", "NAMES");
    }

    @Override
    void line(String line, int lineNo, String location, NameList names) {
        int tab = line.indexOf('\t');
        if (tab <= 0) {
            throw Lines.error(location, lineNo, "expected id<TAB>name");
        }
        String name = line.substring(tab + 1).strip();
        if (name.isEmpty()) {
            names.skipNameless();
        } else {
            names.add(line.substring(0, tab), name);
        }
    }
}
