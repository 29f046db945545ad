package io.linkrx.kb.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.kb.KbInput;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KbLoader;
import io.linkrx.kb.KnowledgeBaseException;
import io.linkrx.kb.LoadOptions;
import io.linkrx.kb.SemanticType;

/**
 * UMLS Metathesaurus: {@code MRCONSO.RRF} and {@code MRSTY.RRF} (optionally gzipped) in one directory; the
 * location is the directory or its MRCONSO file. Ids are CUIs of vocabulary UMLS; MeSH codes become xrefs
 * "MESH:D…". Types come from MRSTY TUIs ({@link UmlsTypes}); CUIs of other types are skipped. Both files are
 * streamed line by line (MRCONSO has ~16M lines).
 * <p>Options: {@code lang} (default ENG), {@code sab} (sources, in preference order for the preferred name;
 * default all), {@code suppress} (SUPPRESS values dropped, default O,E,Y), {@code types}.
 * Version: {@code umls:<directory name>@<hash of MRSTY and MRCONSO>}.
 */
public final class UmlsLoader implements KbLoader {
    private static final Logger LOG = LoggerFactory.getLogger(UmlsLoader.class);
    static final String CONSO = "MRCONSO.RRF";
    static final String STY = "MRSTY.RRF";

    @Override
    public String format() {
        return "umls";
    }

    @Override
    public Set<String> options() {
        return Set.of("lang", "sab", "suppress", "types");
    }

    @Override
    public KnowledgeBase load(String location, LoadOptions options) {
        Path dir = directory(location);
        Set<SemanticType> allowed = options.types("types");
        List<String> languages = options.list("lang").isEmpty() ? List.of("ENG") : options.list("lang");
        List<String> suppressed = options.get("suppress").isPresent() ? options.list("suppress")
                : List.of("O", "E", "Y");
        MessageDigest digest = KbInput.sha256();
        UmlsTypes types = readTypes(file(dir, STY), digest);
        UmlsConsoReader conso = new UmlsConsoReader(file(dir, CONSO).toString(), types, allowed, languages,
                options.list("sab"), suppressed);
        KbInput in = KbInput.open(file(dir, CONSO).toString(), digest);
        try {
            Lines.read(in, conso::row);
            conso.flush();
            in.drain();
        } finally {
            Lines.close(in);
        }
        LOG.info("UMLS {}: {} MRSTY type assignments kept, {} MRCONSO rows read, {} kept, {} concepts, "
                        + "{} CUIs out of order merged", dir, types.assignments(), conso.rows(), conso.keptRows(),
                conso.concepts().size(), conso.reopened());
        if (conso.concepts().isEmpty()) {
            throw new KnowledgeBaseException(dir + ": no UMLS concepts pass the filters (languages " + languages
                    + ", sources " + options.list("sab") + ", types " + allowed + ")");
        }
        String version = format() + ":" + dir.toAbsolutePath().normalize().getFileName() + "@"
                + KbInput.hex12(digest);
        return KnowledgeBase.of(version, conso.concepts().values());
    }

    private static UmlsTypes readTypes(Path sty, MessageDigest digest) {
        UmlsTypes types = new UmlsTypes();
        String location = sty.toString();
        KbInput in = KbInput.open(location, digest);
        try {
            Lines.read(in, (line, lineNo) -> {
                if (line.isEmpty()) {
                    return;
                }
                String[] f = line.split("\\|", 3);
                if (f.length < 3) {
                    throw Lines.error(location, lineNo,
                            "expected 6 '|'-separated MRSTY fields (CUI|TUI|STN|STY|ATUI|CVF), found " + f.length);
                }
                SemanticType t = UmlsTypes.ofTui(f[1]);
                if (t != null) {
                    types.add(line, f[0].length(), t);
                }
            });
            in.drain();
        } finally {
            Lines.close(in);
        }
        return types;
    }

    private static Path directory(String location) {
        Path p = Path.of(location);
        if (Files.isDirectory(p)) {
            return p;
        }
        if (Files.isRegularFile(p) && p.getFileName().toString().startsWith("MRCONSO")) {
            return p.toAbsolutePath().getParent();
        }
        throw new KnowledgeBaseException(location + ": not a UMLS META directory (with " + CONSO + " and " + STY
                + ") nor its " + CONSO);
    }

    private static Path file(Path dir, String name) {
        for (String candidate : List.of(name, name + ".gz")) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new KnowledgeBaseException(dir + ": " + name + " not found (UMLS needs " + CONSO + " and " + STY + ")");
    }
}
