package io.linkrx.teacher.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

import io.linkrx.assertion.Assertion;
import io.linkrx.corpus.GoldMention;
import io.linkrx.extract.Mention;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.link.LinkedMention;
import io.linkrx.link.ScoredConcept;
import io.linkrx.rerank.RankedMention;
import io.linkrx.retrieve.Candidate;
import io.linkrx.route.MeshSubtrees;
import io.linkrx.route.RoutingDecision;
import io.linkrx.route.SubtreeCoverage;

/**
 * linkrx's routing as the selector, as the Streams app does it: every unlabelled mention goes through the app's
 * router (as the re-rank stage presents it: the model's ranking, retrieval's order, whether the model knows the
 * concept); the routed ones are sent best {@link SubtreeCoverage#score score} first (priority discounted by how
 * many requests already went to the MeSH subtree of the student's top concept, as the request gate drains).
 * When the router routes fewer mentions than the budget allows, the rest goes to confident mentions at random (a
 * deployment would leave it unspent; the experiment compares equal budgets; taking the most frequent texts first
 * instead was measured and is not better).
 */
final class RoutedSelector implements MentionSelector {
    /** The app's router: a decision when the mention is uncertain. */
    @FunctionalInterface
    interface Router {
        Optional<RoutingDecision> route(RankedMention ranked, List<Candidate> retrievalOrder,
                                        Predicate<String> knowsConcept);
    }

    private record Routed(LinkedPoolMention mention, double priority, String subtree) {
    }

    private final Router router;
    private final KnowledgeBase kb;
    private final MeshSubtrees subtrees;
    private final boolean spread;
    private final boolean byFrequency;
    private final Random random;
    private final Map<String, Long> sentBySubtree = new HashMap<>();
    private Predicate<String> knowsConcept = id -> true;

    /** @param spread whether to spread requests over MeSH subtrees (the gate's order) or take them by priority */
    RoutedSelector(Router router, KnowledgeBase kb, boolean spread, long seed) {
        this(router, kb, spread, false, seed);
    }

    /**
     * @param byFrequency weigh each priority by how many unasked mentions share the text (one label fixes them
     *                    all through the mention dictionary; the gate sees these repeats as the duplicates it drops)
     */
    RoutedSelector(Router router, KnowledgeBase kb, boolean spread, boolean byFrequency, long seed) {
        this.router = router;
        this.kb = kb;
        this.subtrees = new MeshSubtrees(kb);
        this.spread = spread;
        this.byFrequency = byFrequency;
        this.random = new Random(seed);
    }

    @Override
    public void knows(Predicate<String> knowsConcept) {
        this.knowsConcept = knowsConcept;
    }

    @Override
    public List<Choice> select(List<LinkedPoolMention> unlabelled, int n, AskedTexts asked) {
        List<LinkedPoolMention> shuffled = new ArrayList<>(unlabelled);
        Collections.shuffle(shuffled, random); // ties are broken at random, not by document order
        Map<String, Integer> repeats = new HashMap<>();
        if (byFrequency) {
            shuffled.forEach(m -> repeats.merge(AskedTexts.key(m), 1, Integer::sum));
        }
        List<Routed> routed = new ArrayList<>();
        List<LinkedPoolMention> confident = new ArrayList<>();
        for (LinkedPoolMention m : shuffled) {
            if (asked.contains(m)) {
                continue;
            }
            Optional<RoutingDecision> decision = decide(m);
            if (decision.isPresent()) {
                String top = m.linked().best().map(ScoredConcept::conceptId).orElse(null);
                double priority = decision.get().priority() * (byFrequency ? repeats.get(AskedTexts.key(m)) : 1);
                routed.add(new Routed(m, priority, subtrees.of(top)));
            } else {
                confident.add(m);
            }
        }
        routed.sort(Comparator.comparingDouble(Routed::priority).reversed());
        List<Choice> out = new ArrayList<>(n);
        while (out.size() < n && !routed.isEmpty()) {
            Routed next = routed.remove(spread ? bestSpread(routed) : 0);
            if (asked.take(next.mention())) {
                out.add(new Choice(next.mention(), true));
                sentBySubtree.merge(next.subtree(), 1L, Long::sum);
            }
        }
        for (int i = 0; i < confident.size() && out.size() < n; i++) {
            if (asked.take(confident.get(i))) {
                out.add(new Choice(confident.get(i), false));
            }
        }
        return out;
    }

    /** The app router's decision about a mention as the student links it now; empty when it is confident. */
    Optional<RoutingDecision> decide(LinkedPoolMention m) {
        return router.route(ranked(m), retrievalOrder(m), knowsConcept);
    }

    /** Index of the request the gate would send next: best coverage-discounted priority, first on ties. */
    private int bestSpread(List<Routed> routed) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < routed.size(); i++) {
            double s = SubtreeCoverage.score(routed.get(i).priority(), routed.get(i).subtree(), sentBySubtree);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        return best;
    }

    /** The student's link as the Streams app's re-rank stage presents it to the router. */
    RankedMention ranked(LinkedPoolMention m) {
        GoldMention g = m.pool().mention();
        LinkedMention linked = m.linked();
        List<Candidate> candidates = candidates(linked.ranked());
        // the span as the text runs (a few corpus annotations' offsets disagree with their text's length)
        return new RankedMention(new Mention(g.begin(), g.begin() + g.text().length(), g.text(), g.type(),
                Assertion.PRESENT, null), candidates, linked.nil() || candidates.isEmpty());
    }

    /** The same candidates in retrieval's order (the re-rank stage's input). */
    private List<Candidate> retrievalOrder(LinkedPoolMention m) {
        List<ScoredConcept> byRetrieval = new ArrayList<>(m.linked().ranked());
        byRetrieval.sort(Comparator.comparingInt(s -> s.evidence().rank()));
        return candidates(byRetrieval);
    }

    private List<Candidate> candidates(List<ScoredConcept> scored) {
        List<Candidate> out = new ArrayList<>(scored.size());
        for (ScoredConcept s : scored) {
            Concept c = kb.concept(s.conceptId()).orElse(null);
            if (c != null) {
                out.add(new Candidate(c.id(), c.vocabulary(), c.preferredName(), c.type(),
                        Math.max(0.0, Math.min(1.0, s.probability())), s.evidence().dense()));
            }
        }
        return out;
    }

    @Override
    public String name() {
        return (spread ? "routed" : "routed-no-spread") + (byFrequency ? "-frequency" : "");
    }
}
