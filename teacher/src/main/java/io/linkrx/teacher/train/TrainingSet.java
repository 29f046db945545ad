package io.linkrx.teacher.train;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.ArrayList;

import io.linkrx.corpus.CorpusTypes;
import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.kb.SemanticType;

/**
 * What a retrain learns from: human-annotated documents (gold PubTator corpora) plus every teacher, simulated and
 * synthetic label as a short document — its context, one mention, the chosen concept. A label's document has
 * the id of the note it came from, so the leave-own-document-out dictionary features and the two training folds
 * never see a note's mention while featurising that same note.
 * <p>
 * NIL labels are skipped: the re-ranker learns "link" against "other" candidates and the NIL threshold is not
 * trained, so a NIL answer adds only all-negative rows that would push every candidate of an unseen mention down.
 * When the labels outnumber the human mentions, human rows get the weight that makes them half of the mix
 * (SynCABEL upsamples the human examples the same way). The re-ranker's rows are replicated by that weight; the
 * documents are not, which would double the mention dictionary's counts.
 */
public final class TrainingSet {
    private final List<PubTatorDocument> documents;
    private final Set<PubTatorDocument> human;
    private final double humanWeight;
    private final Map<String, Integer> labelsBySource;
    private final int humanMentions;
    private final int nilSkipped;
    private final int unplaceable;
    private final int duplicates;

    private TrainingSet(List<PubTatorDocument> documents, Set<PubTatorDocument> human, double humanWeight,
                        Map<String, Integer> labelsBySource, int humanMentions, int nilSkipped, int unplaceable,
                        int duplicates) {
        this.documents = List.copyOf(documents);
        this.human = human;
        this.humanWeight = humanWeight;
        this.labelsBySource = Collections.unmodifiableMap(labelsBySource);
        this.humanMentions = humanMentions;
        this.nilSkipped = nilSkipped;
        this.unplaceable = unplaceable;
        this.duplicates = duplicates;
    }

    /**
     * @param humanDocuments gold-annotated documents (human labels of the {@code human} source too)
     * @param labels         stored labels in arrival order, duplicates included
     */
    public static TrainingSet of(List<PubTatorDocument> humanDocuments, List<StoredLabel> labels) {
        Set<PubTatorDocument> human = Collections.newSetFromMap(new IdentityHashMap<>());
        List<PubTatorDocument> docs = new ArrayList<>(humanDocuments);
        human.addAll(humanDocuments);
        int humanMentions = 0;
        for (PubTatorDocument d : humanDocuments) {
            humanMentions += (int) d.mentions().stream().filter(TrainingSet::linkable).count();
        }
        List<StoredLabel> unique = dedupe(labels);
        Map<String, Integer> bySource = new TreeMap<>();
        int nil = 0;
        int unplaceable = 0;
        int labelMentions = 0;
        for (StoredLabel l : unique) {
            if (l.nil()) {
                nil++;
                continue;
            }
            PubTatorDocument doc = document(l);
            if (doc == null) {
                unplaceable++;
                continue;
            }
            docs.add(doc);
            bySource.merge(l.source(), 1, Integer::sum);
            if (StoredLabel.HUMAN.equals(l.source())) {
                human.add(doc);
                humanMentions++;
            } else {
                labelMentions++;
            }
        }
        return new TrainingSet(docs, human, humanWeight(humanMentions, labelMentions), bySource, humanMentions, nil, unplaceable,
                labels.size() - unique.size());
    }

    /**
     * The example weight of human rows in a mix of {@code humanMentions} human and {@code labelMentions} other
     * labelled mentions: human rows are half of the mix once the labels outnumber them, else weight 1.
     */
    public static double humanWeight(int humanMentions, int labelMentions) {
        return humanMentions > 0 && labelMentions > humanMentions ? (double) labelMentions / humanMentions : 1.0;
    }

    /** One label per request (per request and sentence for synthetic ones); the newest wins, ties to the later. */
    static List<StoredLabel> dedupe(List<StoredLabel> labels) {
        Map<String, StoredLabel> newest = new LinkedHashMap<>();
        for (StoredLabel l : labels) {
            newest.merge(l.dedupeKey(), l, (old, now) -> now.labeledAt() >= old.labeledAt() ? now : old);
        }
        return List.copyOf(newest.values());
    }

    /** The label as a one-mention document, or null when its mention cannot be found in its text. */
    static PubTatorDocument document(StoredLabel l) {
        String mention = l.mentionText();
        if (mention == null || mention.isBlank()) {
            return null;
        }
        String text = l.context() == null || l.context().isBlank() ? mention : l.context();
        int at = l.mentionOffsetInContext();
        if (at < 0 || at + mention.length() > text.length() || !text.startsWith(mention, at)) {
            at = text.indexOf(mention);
        }
        SemanticType type = type(l.semanticType());
        if (at < 0 || type == null) {
            return null;
        }
        String id = l.noteId() == null || l.noteId().isBlank() ? "label:" + l.requestId() : l.noteId();
        GoldMention m = new GoldMention(at, at + mention.length(), mention, type.displayName(), type,
                List.of(l.chosenConceptId()), false);
        return new PubTatorDocument(id, text, "", List.of(m));
    }

    private static SemanticType type(String name) {
        try {
            return SemanticType.parse(name);
        } catch (IllegalArgumentException e) {
            return name == null ? null : CorpusTypes.of(name);
        }
    }

    private static boolean linkable(GoldMention m) {
        return m.type() != null && !m.nil();
    }

    /** Human documents first, then one document per usable label. */
    public List<PubTatorDocument> documents() {
        return documents;
    }

    /** The example weight of a document's rows. */
    public double weight(PubTatorDocument doc) {
        return human.contains(doc) ? humanWeight : 1.0;
    }

    public double humanWeight() {
        return humanWeight;
    }

    /** Usable labels per source (teacher, simulated, synthetic, human) after dedupe. */
    public Map<String, Integer> labelsBySource() {
        return labelsBySource;
    }

    public int humanMentions() {
        return humanMentions;
    }

    public int nilSkipped() {
        return nilSkipped;
    }

    public int unplaceable() {
        return unplaceable;
    }

    public int duplicates() {
        return duplicates;
    }

    /** Counts for reranker.json and the PUBLISHED event (no label text: it is PHI). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", documents.size());
        m.put("human_mentions", humanMentions);
        m.put("labels_by_source", labelsBySource);
        m.put("labels_nil_skipped", nilSkipped);
        m.put("labels_unplaceable", unplaceable);
        m.put("labels_duplicates", duplicates);
        m.put("human_weight", Math.round(humanWeight * 10000) / 10000.0);
        return m;
    }
}
