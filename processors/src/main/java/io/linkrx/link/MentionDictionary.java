package io.linkrx.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What annotators linked each mention string to in training documents: normalised mention → concept →
 * count, plus how often each concept was linked at all (the concept prior). Built from gold corpora or from
 * teacher labels. For training, counts can be read "without one document" so the features a model learns
 * from are the ones it will see on unseen documents (no leakage of a mention's own label). It also keeps the
 * composite links of a string ("hemorrhagic cystitis" = Hemorrhage + Cystitis): each of their concepts counts
 * as a link of its own as well, and {@link #composite} tells when annotators mostly link the string that way.
 */
public final class MentionDictionary {
    private final Map<String, Map<String, Integer>> byMention = new HashMap<>();
    private final Map<String, Integer> conceptCounts = new HashMap<>();
    /** normalised mention → composite ("id|id") → count */
    private final Map<String, Map<String, Integer>> compositesByMention = new HashMap<>();
    private final Map<String, Map<String, Map<String, Integer>>> byDocument = new HashMap<>();
    private int maxConceptCount = 0;

    /** An empty dictionary: every dictionary feature is 0. */
    public static MentionDictionary empty() {
        return new MentionDictionary();
    }

    /** Records that a mention (already normalised) in {@code documentId} was linked to {@code conceptId}. */
    public void add(String documentId, String normalisedMention, String conceptId) {
        Objects.requireNonNull(normalisedMention, "normalisedMention");
        Objects.requireNonNull(conceptId, "conceptId");
        if (normalisedMention.isEmpty()) {
            return;
        }
        byMention.computeIfAbsent(normalisedMention, k -> new HashMap<>()).merge(conceptId, 1, Integer::sum);
        maxConceptCount = Math.max(maxConceptCount, conceptCounts.merge(conceptId, 1, Integer::sum));
        if (documentId != null) {
            byDocument.computeIfAbsent(documentId, k -> new HashMap<>())
                    .computeIfAbsent(normalisedMention, k -> new HashMap<>()).merge(conceptId, 1, Integer::sum);
        }
    }

    /**
     * Records one composite link of a mention (already normalised): each concept is also {@linkplain #add added}.
     * A single concept is not composite and is only added.
     */
    public void addComposite(String documentId, String normalisedMention, Collection<String> conceptIds) {
        Set<String> ids = new LinkedHashSet<>(conceptIds);
        ids.forEach(id -> add(documentId, normalisedMention, id));
        if (ids.size() > 1 && !normalisedMention.isEmpty()) {
            addComposite(normalisedMention, String.join("|", ids), 1);
        }
    }

    private void addComposite(String normalisedMention, String composite, int count) {
        compositesByMention.computeIfAbsent(normalisedMention, k -> new HashMap<>()).merge(composite, count, Integer::sum);
    }

    /**
     * The composite link annotators mostly give this mention: the most frequent one, when it accounts for more
     * than half of the links to each of its concepts; otherwise (and for most strings) empty.
     */
    public List<String> composite(String normalisedMention) {
        Map<String, Integer> composites = compositesByMention.get(normalisedMention);
        if (composites == null) {
            return List.of(); // most mentions
        }
        Map.Entry<String, Integer> top = composites.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow();
        List<String> ids = List.of(top.getKey().split("\\|"));
        Map<String, Integer> links = byMention.get(normalisedMention);
        return ids.stream().allMatch(c -> top.getValue() * 2 > links.getOrDefault(c, 0)) ? ids : List.of();
    }

    /** Concept → count for this mention, minus what {@code excludedDocument} contributed (null: nothing excluded). */
    public Map<String, Integer> concepts(String normalisedMention, String excludedDocument) {
        Map<String, Integer> all = byMention.getOrDefault(normalisedMention, Map.of());
        Map<String, Integer> own = ownCounts(excludedDocument, normalisedMention);
        if (own.isEmpty()) {
            return Collections.unmodifiableMap(all);
        }
        Map<String, Integer> rest = new HashMap<>();
        all.forEach((c, n) -> {
            int left = n - own.getOrDefault(c, 0);
            if (left > 0) {
                rest.put(c, left);
            }
        });
        return rest;
    }

    /** P(concept | mention) without {@code excludedDocument}; 0 for an unseen mention. */
    public double probability(String normalisedMention, String conceptId, String excludedDocument) {
        Map<String, Integer> counts = concepts(normalisedMention, excludedDocument);
        if (counts.isEmpty()) {
            return 0.0; // most mentions: no stream, no sum
        }
        int total = 0;
        for (int n : counts.values()) {
            total += n;
        }
        return total == 0 ? 0.0 : counts.getOrDefault(conceptId, 0) / (double) total;
    }

    /** log(1 + links to the concept) / log(1 + most links of any concept), in [0, 1]; own document excluded. */
    public double prior(String conceptId, String excludedDocument) {
        if (maxConceptCount == 0) {
            return 0.0;
        }
        int own = 0;
        if (excludedDocument != null) {
            for (Map<String, Integer> m : byDocument.getOrDefault(excludedDocument, Map.of()).values()) {
                own += m.getOrDefault(conceptId, 0);
            }
        }
        int n = conceptCounts.getOrDefault(conceptId, 0) - own;
        return Math.log1p(Math.max(0, n)) / Math.log1p(maxConceptCount);
    }

    /** Whether a concept was ever linked (own document excluded): "concept never seen in training". */
    public boolean seen(String conceptId, String excludedDocument) {
        return prior(conceptId, excludedDocument) > 0.0;
    }

    /** Concept ids linked to any of these mentions, own document excluded. */
    public List<String> candidates(String normalisedMention, String excludedDocument) {
        return List.copyOf(concepts(normalisedMention, excludedDocument).keySet());
    }

    /**
     * Writes {@code mention<TAB>concept<TAB>count} lines (documents are not kept: the file serves unseen notes);
     * a composite link is a line whose concept column joins its concepts with {@code |} (their own lines already
     * count its links).
     */
    public void write(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# linkrx mention dictionary: normalised mention, concept id (id|id: a composite link, also"
                    + " counted under each id), count\n");
            for (Map.Entry<String, Map<String, Integer>> e : new TreeMap<>(byMention).entrySet()) {
                Map<String, Integer> lines = new TreeMap<>(e.getValue());
                lines.putAll(compositesByMention.getOrDefault(e.getKey(), Map.of()));
                for (Map.Entry<String, Integer> c : lines.entrySet()) {
                    out.write(e.getKey() + "\t" + c.getKey() + "\t" + c.getValue() + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write mention dictionary: " + e.getMessage(), e);
        }
    }

    /** Reads a file written by {@link #write}; errors name the file and line. */
    public static MentionDictionary read(Path file) {
        MentionDictionary d = new MentionDictionary();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 3) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected 3 tab-separated columns, found "
                            + cols.length);
                }
                int count = Integer.parseInt(cols[2].strip());
                if (cols[1].contains("|")) {
                    d.addComposite(cols[0], cols[1], count); // its concepts' own lines already count these links
                    continue;
                }
                for (int i = 0; i < count; i++) {
                    d.add(null, cols[0], cols[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read mention dictionary: " + e.getMessage(), e);
        }
        return d;
    }

    /** Concept id → the mention strings linked to it: extra names for candidate retrieval. */
    public Map<String, java.util.Set<String>> namesByConcept() {
        Map<String, java.util.Set<String>> names = new HashMap<>();
        byMention.forEach((mention, concepts) -> concepts.keySet()
                .forEach(c -> names.computeIfAbsent(c, k -> new java.util.LinkedHashSet<>()).add(mention)));
        return names;
    }

    /** Number of distinct mention strings. */
    public int size() {
        return byMention.size();
    }

    private Map<String, Integer> ownCounts(String documentId, String mention) {
        if (documentId == null) {
            return Map.of();
        }
        return byDocument.getOrDefault(documentId, Map.of()).getOrDefault(mention, Map.of());
    }
}
