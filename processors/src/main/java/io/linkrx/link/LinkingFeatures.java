package io.linkrx.link;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;

/**
 * The re-ranker's view of a (mention, candidate) pair: lexical and dense similarity, abbreviation and type
 * agreement, the concept prior and mention dictionary learnt from labelled documents, and overlap of the
 * concept's names with the mention's context; for a coordinated mention the same for its conjuncts; for a short
 * form the note defines, the short form's own readings apart. The same code computes features for training,
 * evaluation and the streaming pipeline, so a model always sees features computed exactly as it was trained on.
 * Thread-safe.
 */
public final class LinkingFeatures {
    /** Feature names, in vector order; part of the model contract (stored with every trained model). */
    public static final List<String> NAMES = List.of(
            "lexical", "dense", "dense_missing", "rank_inverse",
            "sim_best", "sim_preferred", "sim_expansion", "exact_name", "exact_expansion", "exact_abbreviation",
            "token_jaccard", "mention_covered", "name_covered", "same_words",
            "type_agrees", "dictionary_probability", "dictionary_probability_expansion", "concept_prior",
            "context_overlap", "sim_gap_to_best", "is_best_sim", "dense_gap_to_best", "length_ratio",
            "names_log", "exact_canonical", "head_word_agrees",
            "sim_conjunct", "exact_conjunct", "dictionary_probability_conjunct",
            "exact_abbreviation_defined", "dictionary_probability_defined", "exact_name_defined");
    /** Version of the feature definitions; a model trained on another version is refused. */
    public static final String VERSION = "linking-features-4";

    private final KnowledgeBase kb;
    private final MentionDictionary dictionary;
    private final Map<String, ConceptNames> names = new ConcurrentHashMap<>();

    public LinkingFeatures(KnowledgeBase kb, MentionDictionary dictionary) {
        this.kb = Objects.requireNonNull(kb, "kb");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    }

    /** The mention dictionary the features read (it also knows the composite links of texts). */
    MentionDictionary dictionary() {
        return dictionary;
    }

    /**
     * True when a linked mention's best concept has the mention's text as a name or abbreviation ("AZT" for
     * zidovudine): such a short form keeps its own link ({@link ShortFormAnchors#follow}).
     */
    public boolean namesItsBest(MentionQuery mention, boolean nil, Optional<String> bestConceptId) {
        return !nil && bestConceptId.filter(id -> namesExactly(mention, id)).isPresent();
    }

    /** True when the mention's text is one of the concept's names or abbreviations (false for an unknown concept). */
    public boolean namesExactly(MentionQuery mention, String conceptId) {
        ConceptNames cn = conceptNames(conceptId);
        return cn != null && (cn.norms().contains(mention.norm()) || cn.abbreviations().contains(mention.text().strip()));
    }

    /** Number of features. */
    public static int size() {
        return NAMES.size();
    }

    /**
     * Features of every candidate of one mention, one row per candidate in input order. Candidates whose
     * concept is not in the knowledge base get a zero row.
     *
     * @param excludedDocument the document whose own labels the dictionary must ignore (training), or null
     */
    public float[][] compute(MentionQuery query, List<RetrievedCandidate> candidates, String excludedDocument) {
        String mention = query.norm();
        String expansion = query.expansionNorm();
        Set<String> mentionTokens = StringSimilarity.tokens(mention);
        long[] mentionTrigrams = StringSimilarity.trigrams(mention);
        long[] expansionTrigrams = expansion.isEmpty() ? new long[0] : StringSimilarity.trigrams(expansion);
        String canonical = WordEquivalents.canonical(mention);
        String canonicalExpansion = expansion.isEmpty() ? "" : WordEquivalents.canonical(expansion);
        Conjuncts conjuncts = Conjuncts.of(query.conjuncts());
        float[][] rows = new float[candidates.size()][];
        double bestSim = 0;
        double bestDense = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            RetrievedCandidate c = candidates.get(i);
            rows[i] = row(query, c, mention, expansion, mentionTokens, mentionTrigrams, expansionTrigrams,
                    canonical, canonicalExpansion, excludedDocument);
            conjunctFeatures(rows[i], c.conceptId(), conjuncts, excludedDocument);
            bestSim = Math.max(bestSim, rows[i][4]);
            if (!Double.isNaN(c.dense())) {
                bestDense = Math.max(bestDense, c.dense());
            }
        }
        for (int i = 0; i < rows.length; i++) {
            rows[i][19] = (float) (rows[i][4] - bestSim);
            rows[i][20] = rows[i][4] >= bestSim ? 1f : 0f;
            double dense = candidates.get(i).dense();
            rows[i][21] = Double.isNaN(dense) || bestDense == Double.NEGATIVE_INFINITY ? 0f : (float) (dense - bestDense);
        }
        return rows;
    }

    private float[] row(MentionQuery q, RetrievedCandidate c, String mention, String expansion,
                        Set<String> mentionTokens, long[] mentionTrigrams, long[] expansionTrigrams,
                        String canonical, String canonicalExpansion, String excludedDocument) {
        float[] f = new float[NAMES.size()];
        ConceptNames cn = conceptNames(c.conceptId());
        if (cn == null) {
            return f;
        }
        f[0] = (float) c.lexical();
        boolean denseMissing = Double.isNaN(c.dense());
        f[1] = denseMissing ? 0f : (float) c.dense();
        f[2] = denseMissing ? 1f : 0f;
        f[3] = (float) (1.0 / (1 + c.rank()));
        double simBest = 0;
        double simPreferred = 0;
        double simExpansion = 0;
        double jaccard = 0;
        double mentionCovered = 0;
        double nameCovered = 0;
        boolean exact = false;
        boolean exactExpansion = false;
        boolean sameWords = false;
        int bestLength = 0;
        double contextOverlap = 0;
        Set<String> context = q.contextTokens();
        for (int n = 0; n < cn.norms().size(); n++) {
            String name = cn.norms().get(n);
            long[] nameTrigrams = cn.trigrams().get(n);
            // a name whose 3-gram count alone caps the Dice below the best so far cannot change the maximum: the
            // merge is skipped (exactly the same features, fewer merges on concepts with many names)
            if (n == 0 || StringSimilarity.diceBound(mentionTrigrams, nameTrigrams) > simBest) {
                double sim = StringSimilarity.dice(mentionTrigrams, nameTrigrams);
                if (n == 0) {
                    simPreferred = sim; // names() starts with the preferred name
                }
                if (sim > simBest) {
                    simBest = sim;
                    bestLength = name.length();
                }
            }
            if (!expansion.isEmpty()) {
                simExpansion = StringSimilarity.maxDice(simExpansion, expansionTrigrams, nameTrigrams);
                exactExpansion |= expansion.equals(name);
            }
            exact |= mention.equals(name);
            // one pass over the name's distinct words gives the word Jaccard, coverage both ways, set equality and
            // the share of the name's extra words found in the context (-1: no extra word)
            String[] nameTokens = cn.tokens().get(n);
            int common = 0;
            int extra = 0;
            int extraInContext = 0;
            for (String t : nameTokens) {
                if (mentionTokens.contains(t)) {
                    common++;
                } else {
                    extra++;
                    extraInContext += context.contains(t) ? 1 : 0;
                }
            }
            int mentionSize = mentionTokens.size();
            int nameSize = nameTokens.length;
            jaccard = Math.max(jaccard, mentionSize == 0 && nameSize == 0 ? 0.0
                    : common / (double) (mentionSize + nameSize - common));
            mentionCovered = Math.max(mentionCovered, mentionSize == 0 ? 0.0 : common / (double) mentionSize);
            nameCovered = Math.max(nameCovered, nameSize == 0 ? 0.0 : common / (double) nameSize);
            sameWords |= nameSize != 0 && nameSize == mentionSize && common == nameSize;
            contextOverlap = Math.max(contextOverlap, extra == 0 ? -1 : (double) extraInContext / extra);
        }
        // a short form the note defines means what the note says ("IBS" = irritable bowel syndrome, not the KB's
        // "IBS" = ichthyosis bullosa of Siemens), so the KB's and the dictionary's readings of the short form
        // itself get weights of their own then
        boolean defined = !expansion.isEmpty();
        f[4] = (float) simBest;
        f[5] = (float) simPreferred;
        f[6] = (float) (defined ? simExpansion : simBest);
        f[7] = exact && !defined ? 1f : 0f;
        f[31] = exact && defined ? 1f : 0f;
        f[8] = (defined ? exactExpansion : exact) ? 1f : 0f;
        float abbreviation = cn.abbreviations().contains(q.text().strip()) ? 1f : 0f;
        f[9] = defined ? 0f : abbreviation;
        f[29] = defined ? abbreviation : 0f;
        f[10] = (float) jaccard;
        f[11] = (float) mentionCovered;
        f[12] = (float) nameCovered;
        f[13] = sameWords ? 1f : 0f;
        f[14] = (float) typeAgreement(q.type(), cn.concept().type());
        float dictionaryProbability = (float) dictionary.probability(mention, c.conceptId(), excludedDocument);
        f[15] = defined ? 0f : dictionaryProbability;
        f[30] = defined ? dictionaryProbability : 0f;
        f[16] = defined ? (float) dictionary.probability(expansion, c.conceptId(), excludedDocument)
                : dictionaryProbability;
        f[17] = (float) dictionary.prior(c.conceptId(), excludedDocument);
        f[18] = (float) contextOverlap;
        int length = mention.length();
        f[22] = bestLength == 0 || length == 0 ? 0f : (float) Math.min(length, bestLength) / Math.max(length, bestLength);
        f[23] = (float) (Math.log1p(cn.norms().size()) / Math.log(100));
        f[24] = cn.canonicals().contains(canonical) || cn.canonicals().contains(canonicalExpansion) ? 1f : 0f;
        f[25] = headWordAgrees(canonical, cn) ? 1f : 0f;
        return f;
    }

    /** The conjuncts of a coordinated mention with their 3-grams and canonical forms, computed once per mention. */
    private record Conjuncts(List<String> norms, List<long[]> trigrams, List<String> canonicals) {
        static Conjuncts of(List<String> norms) {
            return new Conjuncts(norms, norms.stream().map(StringSimilarity::trigrams).toList(),
                    norms.stream().map(WordEquivalents::canonical).toList());
        }
    }

    /** Best 3-gram similarity, canonical identity and dictionary probability of any conjunct (0 when none). */
    private void conjunctFeatures(float[] f, String conceptId, Conjuncts conjuncts, String excludedDocument) {
        ConceptNames cn = conjuncts.norms().isEmpty() ? null : conceptNames(conceptId);
        if (cn == null) {
            return;
        }
        double sim = 0;
        boolean exact = false;
        double dictionaryProbability = 0;
        for (int j = 0; j < conjuncts.norms().size(); j++) {
            long[] trigrams = conjuncts.trigrams().get(j);
            for (long[] nameTrigrams : cn.trigrams()) {
                sim = StringSimilarity.maxDice(sim, trigrams, nameTrigrams);
            }
            exact |= cn.canonicals().contains(conjuncts.canonicals().get(j));
            dictionaryProbability = Math.max(dictionaryProbability,
                    dictionary.probability(conjuncts.norms().get(j), conceptId, excludedDocument));
        }
        f[26] = (float) sim;
        f[27] = exact ? 1f : 0f;
        f[28] = (float) dictionaryProbability;
    }

    /** The last word of the mention is the last word of one of the names (in canonical form): same kind of thing. */
    private static boolean headWordAgrees(String canonicalMention, ConceptNames cn) {
        String head = canonicalMention.substring(canonicalMention.lastIndexOf(' ') + 1);
        if (head.isEmpty()) {
            return false;
        }
        int length = head.length();
        for (String name : cn.canonicals()) {
            // name.equals(head) || name.endsWith(" " + head), without building the string
            if (name.endsWith(head) && (name.length() == length || name.charAt(name.length() - length - 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    static double typeAgreement(SemanticType mention, SemanticType concept) {
        if (mention == null) {
            return 0.5;
        }
        boolean chemicalLike = (mention == SemanticType.CHEMICAL || mention == SemanticType.DRUG)
                && (concept == SemanticType.CHEMICAL || concept == SemanticType.DRUG);
        return mention == concept || chemicalLike ? 1.0 : 0.0;
    }

    private ConceptNames conceptNames(String conceptId) {
        ConceptNames cached = names.get(conceptId);
        if (cached != null) {
            return cached;
        }
        Concept concept = kb.concept(conceptId).orElse(null);
        if (concept == null) {
            return null;
        }
        return names.computeIfAbsent(conceptId, id -> ConceptNames.of(concept));
    }
}
