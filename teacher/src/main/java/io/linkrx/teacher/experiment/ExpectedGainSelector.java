package io.linkrx.teacher.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

import io.linkrx.link.ScoredConcept;
import io.linkrx.route.RoutingDecision;
import io.linkrx.teacher.LabelAnswer;

/**
 * Asks about the mention texts whose label is expected to fix the most links: the sum, over a text's unasked
 * occurrences, of the probability that the student's link is wrong. That probability is learnt from the teacher's
 * own answers, per router reason (and for the links the router finds confident): an answer that names another
 * concept than the student's top one counts as an error. It starts from a prior (routed 0.5, confident
 * {@code confidentPrior}, worth two answers each). A frequent confident text can thus outrank a rare uncertain one, which pure uncertainty order
 * never does. The question goes out for the text's least certain occurrence.
 */
final class ExpectedGainSelector implements MentionSelector {
    static final String CONFIDENT = "CONFIDENT";
    private static final double PRIOR_WEIGHT = 2.0;

    private record Scored(LinkedPoolMention mention, String reason, double priority) {
    }

    private final RoutedSelector router;
    private final Random random;
    private final Map<String, double[]> errors = new HashMap<>(); // reason -> {wrong, answered}
    private final Map<LinkedPoolMention, String> reasonOfAsked = new HashMap<>();

    private final double confidentPrior;

    /** @param confidentPrior the prior probability that a link the router finds confident is wrong */
    ExpectedGainSelector(RoutedSelector router, double confidentPrior, long seed) {
        this.router = router;
        this.confidentPrior = confidentPrior;
        this.random = new Random(seed);
    }

    @Override
    public List<Choice> select(List<LinkedPoolMention> unlabelled, int n, AskedTexts asked) {
        List<LinkedPoolMention> shuffled = new ArrayList<>(unlabelled);
        Collections.shuffle(shuffled, random); // ties broken at random
        Map<String, List<Scored>> byText = new LinkedHashMap<>();
        for (LinkedPoolMention m : shuffled) {
            if (!asked.contains(m)) {
                Optional<RoutingDecision> d = router.decide(m);
                String reason = d.map(x -> x.reason().name()).orElse(CONFIDENT);
                byText.computeIfAbsent(AskedTexts.key(m), k -> new ArrayList<>())
                        .add(new Scored(m, reason, d.map(RoutingDecision::priority).orElse(0.0)));
            }
        }
        record Text(Scored ask, double gain) {
        }
        List<Text> texts = new ArrayList<>(byText.size());
        for (List<Scored> occurrences : byText.values()) {
            double gain = 0;
            for (Scored s : occurrences) {
                gain += errorRate(s.reason());
            }
            Scored ask = occurrences.stream().max(Comparator.comparingDouble(Scored::priority)).orElseThrow();
            texts.add(new Text(ask, gain));
        }
        texts.sort(Comparator.comparingDouble(Text::gain).reversed());
        List<Choice> out = new ArrayList<>(n);
        for (int i = 0; i < texts.size() && out.size() < n; i++) {
            Scored s = texts.get(i).ask();
            if (asked.take(s.mention())) {
                reasonOfAsked.put(s.mention(), s.reason());
                out.add(new Choice(s.mention(), !CONFIDENT.equals(s.reason())));
            }
        }
        return out;
    }

    @Override
    public void answered(LinkedPoolMention mention, LabelAnswer answer) {
        String reason = reasonOfAsked.remove(mention);
        if (reason == null || answer.nil()) {
            return; // a NIL says nothing about whether the student's link was right
        }
        String top = mention.linked().best().map(ScoredConcept::conceptId).orElse(null);
        double[] e = errors.computeIfAbsent(reason, k -> new double[2]);
        e[0] += answer.conceptId().equals(top) ? 0 : 1;
        e[1] += 1;
    }

    /** The learnt probability that a link with this router reason is wrong. */
    double errorRate(String reason) {
        double prior = CONFIDENT.equals(reason) ? confidentPrior : 0.5;
        double[] e = errors.getOrDefault(reason, new double[2]);
        return (e[0] + prior * PRIOR_WEIGHT) / (e[1] + PRIOR_WEIGHT);
    }

    @Override
    public void knows(Predicate<String> knowsConcept) {
        router.knows(knowsConcept);
    }

    @Override
    public String name() {
        return "expected-gain";
    }
}
