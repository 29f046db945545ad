package io.linkrx.kb.load;

import java.util.regex.Pattern;

/** Splits source ids into the id linkrx uses and its vocabulary, following the NCBI-disease / BC5CDR gold ids. */
final class Ids {
    static final String MESH = "MESH";
    static final String MESH_PREFIX = "MESH:";
    private static final Pattern BARE_MESH = Pattern.compile("[CD]\\d{6,9}");

    record Id(String id, String vocabulary) {
    }

    private Ids() {
    }

    /**
     * "MESH:D003920" → D003920 (MESH); "OMIM:264300" → OMIM:264300 (OMIM), other "PREFIX:rest" alike;
     * a bare MeSH-like id "D003920" / "C538288" → MESH; any other bare id → {@code defaultVocabulary}.
     */
    static Id parse(String raw, String defaultVocabulary) {
        String s = raw.strip();
        if (s.regionMatches(true, 0, MESH_PREFIX, 0, MESH_PREFIX.length())) {
            return new Id(s.substring(MESH_PREFIX.length()), MESH);
        }
        int colon = s.indexOf(':');
        if (colon > 0) {
            return new Id(s, s.substring(0, colon));
        }
        return new Id(s, BARE_MESH.matcher(s).matches() ? MESH : defaultVocabulary);
    }
}
