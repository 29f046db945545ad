package io.linkrx.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads knowledge bases from {@link KbSpec}s and combines them.
 * <p>Versions: linkrx TSV keeps its "# version:" header (or "sha256:" content hash); the other formats use
 * {@code <format>:<file name>@<first 12 hex of the file's sha256>}, or {@code <format>:<release>@<hash>} when the
 * file states its release (MEDIC's "Report created" date). A combined version joins the sources' versions by "+".
 */
public final class KnowledgeBases {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBases.class);

    private KnowledgeBases() {
    }

    /** Loads one spec with its format's loader; logs the time taken and the counts (never names). */
    public static KnowledgeBase load(KbSpec spec) {
        Objects.requireNonNull(spec, "spec");
        long start = System.nanoTime();
        KnowledgeBase kb = KbLoaders.get(spec.format()).load(spec.location(), spec.options());
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Loaded knowledge base {} from {} in {} ms: {} concepts, {} names", kb.version(), spec, millis,
                kb.size(), nameCount(kb));
        return kb;
    }

    /** Loads a comma-separated list of specs (see {@link KbSpec#parseList(String)}) and combines them. */
    public static KnowledgeBase load(String specs) {
        return load(KbSpec.parseList(specs));
    }

    /** Loads every spec and combines them in order (see {@link #combine(List, List)}). */
    public static KnowledgeBase load(List<KbSpec> specs) {
        Objects.requireNonNull(specs, "specs");
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("at least one knowledge base spec is required");
        }
        List<KnowledgeBase> kbs = new ArrayList<>(specs.size());
        for (KbSpec spec : specs) {
            kbs.add(load(spec));
        }
        return combine(kbs, specs.stream().map(KbSpec::toString).toList());
    }

    /**
     * Combines knowledge bases in order. The same id in two sources with the same vocabulary is one concept:
     * the union of names, abbreviations, xrefs and tree numbers, with the first source's preferred name and
     * type (MEDIC and MeSH both describe D003920). The same id with different vocabularies is an error naming
     * both sources, as silently picking one would make links depend on configuration order.
     *
     * @param sources names of the knowledge bases for error messages, same order and size as {@code kbs}
     */
    public static KnowledgeBase combine(List<KnowledgeBase> kbs, List<String> sources) {
        if (kbs.size() != sources.size() || kbs.isEmpty()) {
            throw new IllegalArgumentException("need one source name per knowledge base, and at least one");
        }
        if (kbs.size() == 1) {
            return kbs.get(0);
        }
        Map<String, Concept> all = new LinkedHashMap<>();
        Map<String, Integer> origin = new HashMap<>();
        Map<String, ConceptBuilder> merged = new LinkedHashMap<>();
        StringBuilder version = new StringBuilder();
        for (int i = 0; i < kbs.size(); i++) {
            KnowledgeBase kb = kbs.get(i);
            for (Concept c : kb.concepts()) {
                Concept first = all.putIfAbsent(c.id(), c);
                if (first == null) {
                    origin.put(c.id(), i);
                } else if (!first.vocabulary().equals(c.vocabulary())) {
                    throw new KnowledgeBaseException("concept " + c.id() + " is " + first.vocabulary() + " in "
                            + sources.get(origin.get(c.id())) + " but " + c.vocabulary() + " in " + sources.get(i));
                } else {
                    merged.computeIfAbsent(c.id(), id -> ConceptBuilder.from(first)).addAll(c);
                }
            }
            version.append(i == 0 ? "" : "+").append(kb.version());
        }
        merged.forEach((id, b) -> all.put(id, b.build()));
        if (!merged.isEmpty()) {
            LOG.info("Combined {} knowledge bases: {} concepts, {} ids defined by more than one source merged",
                    kbs.size(), all.size(), merged.size());
        }
        return KnowledgeBase.of(version.toString(), all.values());
    }

    /** Version of a source that does not state its release: {@code <format>:<file name>@<hash>}. */
    public static String version(String format, String name, String hash12) {
        return format + ":" + name + "@" + hash12;
    }

    /** Preferred names plus synonyms; builders already drop synonyms equal to the preferred name. */
    static long nameCount(KnowledgeBase kb) {
        long n = 0;
        for (Concept c : kb.concepts()) {
            n += 1 + c.synonyms().size();
        }
        return n;
    }
}
