package io.linkrx.kb.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KbInput;
import io.linkrx.kb.KbLoader;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBaseException;
import io.linkrx.kb.LoadOptions;

/**
 * MeSH, in any of: the dhimmel TSV pair ({@link MeshTsvReader}), the NLM descriptor or supplementary XML
 * ({@link MeshXmlReader}), or the NLM ASCII descriptor file ({@link MeshAsciiReader}); plain or gzip, told apart
 * by their first bytes. Descriptors are typed by tree: C and F03 → DISEASE, D → CHEMICAL, others skipped.
 * <p>Options: {@code types=chemical[,disease]} keeps only those types (e.g. MeSH chemicals next to MEDIC
 * diseases); {@code descriptors=<mesh file>} gives supplementary records the trees of their mapped descriptors.
 */
public final class MeshLoader implements KbLoader {
    private static final Logger LOG = LoggerFactory.getLogger(MeshLoader.class);
    private static final int SNIFF_BYTES = 4096;

    enum Variant { TSV, XML, ASCII }

    @Override
    public String format() {
        return "mesh";
    }

    @Override
    public Set<String> options() {
        return Set.of("types", "descriptors");
    }

    @Override
    public KnowledgeBase load(String location, LoadOptions options) {
        MeshCollector out = new MeshCollector(options.types("types"));
        Map<String, List<String>> descriptorTrees = options.path("descriptors", Path.of(location))
                .map(p -> descriptorTrees(p.toString())).orElse(Map.of());
        MessageDigest digest = KbInput.sha256();
        KbInput in = KbInput.open(location, digest);
        Variant variant;
        try {
            variant = sniff(in);
            switch (variant) {
                case XML -> new MeshXmlReader(location, out, descriptorTrees).read(in);
                case ASCII -> new MeshAsciiReader(location, out).read(in);
                default -> new MeshTsvReader(out).read(in, digest);
            }
            in.drain();
        } finally {
            Lines.close(in);
        }
        LOG.info("MeSH {} {}: {} concepts of types {}, {} records without such a type skipped", variant, location,
                out.concepts().size(), out.allowed(), out.skipped());
        if (out.concepts().isEmpty()) {
            throw new KnowledgeBaseException(location + ": no MeSH concepts of types " + out.allowed());
        }
        String version = format() + ":" + KbInput.fileName(location) + "@" + KbInput.hex12(digest);
        return KnowledgeBase.of(version, out.concepts().values());
    }

    /** Tree numbers by descriptor UI, for typing supplementary records. */
    private Map<String, List<String>> descriptorTrees(String descriptors) {
        KnowledgeBase kb = load(descriptors, LoadOptions.of(Map.of("types", "disease,chemical")));
        Map<String, List<String>> trees = new HashMap<>();
        for (Concept c : kb.concepts()) {
            trees.put(c.id(), c.treeNumbers());
        }
        return trees;
    }

    static Variant sniff(KbInput in) {
        InputStream s = in.stream();
        try {
            s.mark(SNIFF_BYTES);
            byte[] head = s.readNBytes(SNIFF_BYTES);
            s.reset();
            String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
            if (text.startsWith("<")) {
                return Variant.XML;
            }
            return text.startsWith(MeshAsciiReader.NEW_RECORD) ? Variant.ASCII : Variant.TSV;
        } catch (IOException e) {
            throw new KnowledgeBaseException(in.location() + ": cannot read: " + e.getMessage(), e);
        }
    }
}
