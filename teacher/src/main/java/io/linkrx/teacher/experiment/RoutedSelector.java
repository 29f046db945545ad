package io.linkrx.teacher.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import io.linkrx.assertion.Assertion;
import io.linkrx.corpus.GoldMention;
import io.linkrx.extract.Mention;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.link.LinkedMention;
import io.linkrx.link.ScoredConcept;
import io.linkrx.rerank.RankedMention;
import io.linkrx.retrieve.Candidate;
import io.linkrx.route.RoutingDecision;

/**
 * linkrx's routing as the selector: every unlabelled mention goes through the app's router exactly as a
 * streamed mention would (as a {@link RankedMention}); the routed ones are asked in decreasing priority. When
 * the router routes fewer mentions than the budget allows, the rest of the budget goes to confident mentions
 * at random (a real deployment would leave it unspent; the experiment compares equal budgets).
 */
final class RoutedSelector implements MentionSelector {
    private final Function<RankedMention, Optional<RoutingDecision>> router;
    private final KnowledgeBase kb;
    private final Random random;

    RoutedSelector(Function<RankedMention, Optional<RoutingDecision>> router, KnowledgeBase kb, long seed) {
        this.router = router;
        this.kb = kb;
        this.random = new Random(seed);
    }

    @Override
    public List<Choice> order(List<LinkedPoolMention> unlabelled) {
        List<LinkedPoolMention> shuffled = new ArrayList<>(unlabelled);
        Collections.shuffle(shuffled, random); // ties in priority are broken at random, not by document order
        record Routed(LinkedPoolMention mention, double priority) {
        }
        List<Routed> routed = new ArrayList<>();
        List<Choice> confident = new ArrayList<>();
        for (LinkedPoolMention m : shuffled) {
            Optional<RoutingDecision> decision = router.apply(ranked(m));
            if (decision.isPresent()) {
                routed.add(new Routed(m, decision.get().priority()));
            } else {
                confident.add(new Choice(m, false));
            }
        }
        routed.sort(Comparator.comparingDouble(Routed::priority).reversed());
        List<Choice> out = new ArrayList<>(unlabelled.size());
        routed.forEach(r -> out.add(new Choice(r.mention(), true)));
        out.addAll(confident);
        return out;
    }

    /** The student's link as the Streams app's re-rank stage presents it to the router. */
    RankedMention ranked(LinkedPoolMention m) {
        GoldMention g = m.pool().mention();
        LinkedMention linked = m.linked();
        List<Candidate> candidates = new ArrayList<>(linked.ranked().size());
        for (ScoredConcept s : linked.ranked()) {
            Concept c = kb.concept(s.conceptId()).orElse(null);
            if (c != null) {
                candidates.add(new Candidate(c.id(), c.vocabulary(), c.preferredName(), c.type(),
                        Math.max(0.0, Math.min(1.0, s.probability())), s.evidence().dense()));
            }
        }
        // the span as the text runs (a few corpus annotations' offsets disagree with their text's length)
        return new RankedMention(new Mention(g.begin(), g.begin() + g.text().length(), g.text(), g.type(),
                Assertion.PRESENT, null),
                candidates, linked.nil() || candidates.isEmpty());
    }

    @Override
    public String name() {
        return "routed";
    }
}
