package io.linkrx.kb.load;

import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.kb.ConceptBuilder;
import io.linkrx.kb.KbInput;
import io.linkrx.kb.LoadOptions;

/**
 * The {@code altids} option of the medic and dict formats: a {@code primary_id<TAB>alt_id} file (header line
 * optional, e.g. medic_altids.tsv) whose alternative ids are added to the xrefs of already-read concepts, so
 * {@code KnowledgeBase.resolve("OMIM:264300")} finds the MEDIC concept.
 */
final class AltIds {
    static final String OPTION = "altids";
    private static final Logger LOG = LoggerFactory.getLogger(AltIds.class);

    private AltIds() {
    }

    /**
     * Applies the {@code altids} option if given.
     *
     * @return the version suffix naming the alt-id file and its hash, or "" without the option
     */
    static String mergeOption(LoadOptions options, String location, Map<String, ConceptBuilder> byId) {
        return options.path(OPTION, Path.of(location))
                .map(file -> ";" + OPTION + "=" + file.getFileName() + "@" + merge(file, byId))
                .orElse("");
    }

    /**
     * Adds the alternative ids of {@code file} to the builders of their primary ids; lines of unknown primary
     * ids are counted and logged, not fatal (an alt-id file may cover a larger vocabulary).
     *
     * @return the hash prefix of the file, for the version
     */
    static String merge(Path file, Map<String, ConceptBuilder> byId) {
        String location = file.toString();
        int[] counts = new int[2];
        KbInput in = KbInput.open(file);
        try {
            Lines.read(in, (line, lineNo) -> {
                if (line.isBlank() || line.startsWith("#")) {
                    return;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 2) {
                    throw Lines.error(location, lineNo, "expected 2 tab-separated columns (primary_id, alt_id), found "
                            + cols.length);
                }
                if (lineNo == 1 && cols[0].strip().equalsIgnoreCase("primary_id")) {
                    return;
                }
                ConceptBuilder b = byId.get(Ids.parse(cols[0], "").id());
                if (b == null) {
                    counts[1]++;
                } else if (!cols[1].isBlank()) {
                    b.xref(cols[1].strip());
                    counts[0]++;
                }
            });
            String hash = in.sha256Prefix();
            LOG.info("Alternative ids from {}: {} added, {} lines of unknown primary ids skipped", location,
                    counts[0], counts[1]);
            return hash;
        } finally {
            Lines.close(in);
        }
    }
}
