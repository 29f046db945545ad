package io.linkrx.kb.load;

/**
 * {@code ID||name} dictionaries (BioSyn / SapBERT style, e.g. medic_dictionary.txt), one name per line; the first
 * name of an id is its preferred name. A composite id "D001|D002" gives the name to both ids. Ids follow
 * {@link Ids#parse}: "MESH:D003920" and bare "D003920" / "C538288" are MESH, "OMIM:…" is OMIM.
 * <p>Options ({@link NameList}): {@code type} (default disease), {@code vocabulary} for bare non-MeSH ids (default
 * DICT), {@code keep} to keep only some vocabularies, {@code altids=<file>} as for the medic format.
 */
public final class DictLoader extends NameListLoader {
    static final String SEPARATOR = "||";

    public DictLoader() {
        super("dict", "DICT");
    }

    @Override
    void line(String line, int lineNo, String location, NameList names) {
        int sep = line.indexOf(SEPARATOR);
        if (sep <= 0) {
            throw Lines.error(location, lineNo, "expected ID||name");
        }
        String name = line.substring(sep + SEPARATOR.length()).strip();
        if (name.isEmpty()) {
            throw Lines.error(location, lineNo, "empty name");
        }
        names.add(line.substring(0, sep), name);
    }
}
