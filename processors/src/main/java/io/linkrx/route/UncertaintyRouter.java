package io.linkrx.route;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.linkrx.rerank.RankedMention;
import io.linkrx.retrieve.Candidate;

/**
 * Uncertainty sampling for the teacher. Each enabled signal that fires on a ranked mention has a strength in (0, 1]:
 * <ul>
 *   <li>{@code NIL}: 1 (no candidate accepted; when it fires no other signal is looked at);</li>
 *   <li>{@code LOW_SCORE}: relative shortfall of the top-1 score, {@code (minScore - top1) / minScore};</li>
 *   <li>{@code SMALL_MARGIN}: relative shortfall of the margin, {@code (minMargin - (top1 - top2)) / minMargin};</li>
 *   <li>{@code DISAGREEMENT}: the model's top-1 is not retrieval's first candidate; strength
 *       {@code 1 - (top1 - s)}, where {@code s} is the model's score for retrieval's first (0 when the model dropped
 *       it): a narrow override is more doubtful than a decisive one;</li>
 *   <li>{@code UNSEEN_CONCEPT}: the model's top-1 is a concept it never saw in training; strength 0.5 (its score is an
 *       extrapolation, neither trusted nor known to be wrong).</li>
 * </ul>
 * Priority combines the strengths as a noisy-OR, {@code 1 - prod(1 - s_i)}: in [0, 1], never below the strongest
 * signal, and higher when independent signals agree. The reason reported is the strongest signal (ties: the
 * earlier one in {@link UncertaintyReason}'s order).
 */
public final class UncertaintyRouter {
    static final double UNSEEN_CONCEPT_STRENGTH = 0.5;

    private final double minScore;
    private final double minMargin;
    private final Set<UncertaintyReason> enabled;

    /** Router with thresholds in [0, 1] and every signal on. */
    public UncertaintyRouter(double minScore, double minMargin) {
        this(minScore, minMargin, EnumSet.allOf(UncertaintyReason.class));
    }

    /** Router with thresholds in [0, 1] and only the given signals. */
    public UncertaintyRouter(double minScore, double minMargin, Set<UncertaintyReason> enabled) {
        this.minScore = check("minScore", minScore);
        this.minMargin = check("minMargin", minMargin);
        this.enabled = enabled.isEmpty() ? EnumSet.noneOf(UncertaintyReason.class) : EnumSet.copyOf(enabled);
    }

    /** Signals from a comma list ({@code nil,low-score,...}); {@code none} or blank switches routing off. */
    public static Set<UncertaintyReason> signals(String commaList) {
        String list = commaList == null ? "" : commaList.strip();
        if (list.isEmpty() || list.equalsIgnoreCase("none")) {
            return EnumSet.noneOf(UncertaintyReason.class);
        }
        return Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).map(UncertaintyReason::parse)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(UncertaintyReason.class)));
    }

    /** With every model knowing every concept and no retrieval order to compare with (margin, score and NIL only). */
    public Optional<RoutingDecision> route(RankedMention ranked) {
        return route(ranked, List.of(), conceptId -> true);
    }

    /**
     * A decision when the mention should go to the teacher, empty when the link is confident.
     *
     * @param ranked         the model's ranking of the mention's candidates
     * @param retrievalOrder the same candidates as retrieval ranked them, best first (empty: no disagreement signal)
     * @param knowsConcept   whether the trained model saw a concept in training
     */
    public Optional<RoutingDecision> route(RankedMention ranked, List<Candidate> retrievalOrder,
                                           Predicate<String> knowsConcept) {
        if (ranked.nil() || ranked.best().isEmpty()) {
            if (enabled.contains(UncertaintyReason.NIL)) {
                return Optional.of(new RoutingDecision(UncertaintyReason.NIL, 1.0));
            }
            if (ranked.best().isEmpty()) {
                return Optional.empty();
            }
        }
        Candidate top = ranked.best().orElseThrow();
        Map<UncertaintyReason, Double> strengths = new EnumMap<>(UncertaintyReason.class);
        strengths.put(UncertaintyReason.LOW_SCORE, shortfall(top.score(), minScore));
        strengths.put(UncertaintyReason.SMALL_MARGIN, shortfall(ranked.margin(), minMargin));
        strengths.put(UncertaintyReason.DISAGREEMENT, disagreement(ranked, retrievalOrder));
        strengths.put(UncertaintyReason.UNSEEN_CONCEPT, knowsConcept.test(top.conceptId()) ? 0.0 : UNSEEN_CONCEPT_STRENGTH);
        strengths.keySet().retainAll(enabled);

        UncertaintyReason strongest = null;
        double confident = 1.0;
        for (Map.Entry<UncertaintyReason, Double> e : strengths.entrySet()) {
            double s = e.getValue();
            if (s <= 0.0) {
                continue;
            }
            confident *= 1.0 - s;
            if (strongest == null || s > strengths.get(strongest)) {
                strongest = e.getKey();
            }
        }
        return strongest == null ? Optional.empty()
                : Optional.of(new RoutingDecision(strongest, Math.min(1.0, Math.max(0.0, 1.0 - confident))));
    }

    /** 0 when the model agrees with retrieval's first candidate, else how narrowly the model overrode it. */
    private static double disagreement(RankedMention ranked, List<Candidate> retrievalOrder) {
        if (retrievalOrder.isEmpty()) {
            return 0.0;
        }
        Candidate top = ranked.best().orElseThrow();
        String lexicalFirst = retrievalOrder.get(0).conceptId();
        if (top.conceptId().equals(lexicalFirst)) {
            return 0.0;
        }
        double modelScoreOfLexicalFirst = ranked.ranked().stream().filter(c -> c.conceptId().equals(lexicalFirst))
                .mapToDouble(Candidate::score).findFirst().orElse(0.0);
        return Math.min(1.0, Math.max(Double.MIN_VALUE, 1.0 - (top.score() - modelScoreOfLexicalFirst)));
    }

    /** Relative distance below the threshold in (0, 1], or 0 when the value reaches it. */
    private static double shortfall(double value, double threshold) {
        if (value >= threshold || threshold == 0) {
            return 0.0;
        }
        return Math.min(1.0, (threshold - Math.max(0.0, value)) / threshold);
    }

    private static double check(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
        return value;
    }
}
