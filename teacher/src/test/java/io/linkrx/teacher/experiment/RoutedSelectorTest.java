package io.linkrx.teacher.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.link.LinkedMention;
import io.linkrx.link.MentionQuery;
import io.linkrx.link.RetrievedCandidate;
import io.linkrx.link.ScoredConcept;
import io.linkrx.route.UncertaintyRouter;
import io.linkrx.teacher.LabelAnswer;

/** linkrx's routing as the experiment's selector: uncertain links first, by priority; confident ones last. */
class RoutedSelectorTest {
    private static final KnowledgeBase KB = KnowledgeBase.of("test-kb", List.of(
            concept("D1", "Heart Failure", "C14.280.434"), concept("D2", "Heart Diseases", "C14.280"),
            concept("D3", "Hypertension", "C14.907.489"), concept("D4", "Infections", "C01.539")));
    private static final PubTatorDocument DOC = new PubTatorDocument("1", "Heart failure and hypertension.", "",
            List.of());

    @Test
    void uncertainLinksComeFirstMostUncertainFirstConfidentLast() {
        // Given three links: confident, slightly unsure (small margin), very unsure (low score)
        LinkedPoolMention confident = linked("hypertension", "D3", 0.97, "D1", 0.01);
        LinkedPoolMention smallMargin = linked("cardiac disease", "D2", 0.80, "D1", 0.75);
        LinkedPoolMention lowScore = linked("heart failure", "D1", 0.20, "D2", 0.18);
        RoutedSelector selector = new RoutedSelector(new UncertaintyRouter(0.7, 0.1)::route, KB, false, 1);

        // When the teacher may be asked about all three
        List<MentionSelector.Choice> chosen = selector.select(List.of(confident, smallMargin, lowScore), 3,
                new AskedTexts());

        // Then the router's uncertain ones come first, most uncertain first, and the confident one is filler
        assertThat(chosen).extracting(MentionSelector.Choice::mention).containsExactly(lowScore, smallMargin, confident);
        assertThat(chosen).extracting(MentionSelector.Choice::uncertain).containsExactly(true, true, false);
    }

    @Test
    void theBudgetGoesToTheMostUncertainAndConfidentLinksAreNotAsked() {
        LinkedPoolMention confident = linked("hypertension", "D3", 0.97, "D1", 0.01);
        LinkedPoolMention smallMargin = linked("cardiac disease", "D2", 0.80, "D1", 0.75);
        LinkedPoolMention lowScore = linked("heart failure", "D1", 0.20, "D2", 0.18);
        RoutedSelector selector = new RoutedSelector(new UncertaintyRouter(0.7, 0.1)::route, KB, true, 1);

        List<MentionSelector.Choice> chosen = selector.select(List.of(confident, smallMargin, lowScore), 1,
                new AskedTexts());

        assertThat(chosen).extracting(MentionSelector.Choice::mention).containsExactly(lowScore);
    }

    @Test
    void requestsAreSpreadOverMeshSubtrees() {
        // Given two uncertain cardiovascular links (C14) slightly ahead of an uncertain infection (C01)
        LinkedPoolMention heart1 = linked("cardiac failure", "D1", 0.20, "D2", 0.18);
        LinkedPoolMention heart2 = linked("cardiac disease", "D2", 0.21, "D1", 0.19);
        LinkedPoolMention infection = linked("infections", "D4", 0.25, "D1", 0.20);
        RoutedSelector selector = new RoutedSelector(new UncertaintyRouter(0.7, 0.1)::route, KB, true, 1);

        // When two requests may be sent
        List<MentionSelector.Choice> chosen = selector.select(List.of(heart1, heart2, infection), 2, new AskedTexts());

        // Then the second goes to the subtree nothing was asked about yet
        assertThat(chosen).extracting(MentionSelector.Choice::mention).containsExactly(heart1, infection);
    }

    @Test
    void frequencyWeightingAsksFirstAboutTheTextThatRecursMost() {
        // Given a rare, very uncertain text and a slightly less uncertain text that occurs three times
        LinkedPoolMention rare = linked("cardiac failure", "D1", 0.20, "D2", 0.18);
        List<LinkedPoolMention> frequent = List.of(linked("infections", "D4", 0.25, "D1", 0.20),
                linked("infections", "D4", 0.25, "D1", 0.20), linked("Infections", "D4", 0.25, "D1", 0.20));
        List<LinkedPoolMention> pool = new java.util.ArrayList<>(frequent);
        pool.add(rare);
        RoutedSelector selector = new RoutedSelector(new UncertaintyRouter(0.7, 0.1)::route, KB, false, true, 1);

        // When one request may be sent
        List<MentionSelector.Choice> chosen = selector.select(pool, 1, new AskedTexts());

        // Then it is the recurring text (its label fixes three mentions)
        assertThat(chosen.get(0).mention().pool().mention().text()).isEqualToIgnoringCase("infections");
        assertThat(selector.name()).isEqualTo("routed-no-spread-frequency");
    }

    @Test
    void randomChoiceKeepsEveryMentionAndJudgesNone() {
        List<LinkedPoolMention> pool = List.of(linked("a", "D1", 0.9, "D2", 0.1), linked("b", "D2", 0.3, "D1", 0.2),
                linked("c", "D3", 0.5, "D1", 0.4));

        List<MentionSelector.Choice> chosen = new RandomSelector(7).select(pool, 5, new AskedTexts());

        assertThat(chosen).extracting(MentionSelector.Choice::mention).containsExactlyInAnyOrderElementsOf(pool);
        assertThat(chosen).noneMatch(MentionSelector.Choice::uncertain);
    }

    @Test
    void randomOrderIsFixedPerSeedWhateverTheBatchSize() {
        List<LinkedPoolMention> pool = new java.util.ArrayList<>();
        for (String t : List.of("a", "b", "c", "d", "e", "f")) {
            pool.add(linkedAt(t, pool.size()));
        }
        List<LinkedPoolMention> oneBatch = new RandomSelector(9).select(pool, 4, new AskedTexts()).stream()
                .map(MentionSelector.Choice::mention).toList();

        AskedTexts asked = new AskedTexts();
        RandomSelector twoBatches = new RandomSelector(9);
        List<LinkedPoolMention> first = twoBatches.select(pool, 2, asked).stream()
                .map(MentionSelector.Choice::mention).toList();
        List<LinkedPoolMention> rest = new java.util.ArrayList<>(pool);
        rest.removeAll(first);
        List<LinkedPoolMention> both = new java.util.ArrayList<>(first);
        twoBatches.select(rest, 2, asked).forEach(c -> both.add(c.mention()));

        assertThat(both).containsExactlyElementsOf(oneBatch);
        assertThat(new RandomSelector(10).select(pool, 6, new AskedTexts())).extracting(MentionSelector.Choice::mention)
                .containsExactlyInAnyOrderElementsOf(pool).isNotEqualTo(oneBatch);
    }

    @Test
    void aMentionTextIsAskedOnceAcrossTheRun() {
        // Given a pool in which a text repeats (case aside) and one text was asked in an earlier step
        LinkedPoolMention upper = linked("Heart failure", "D1", 0.5, "D2", 0.4);
        LinkedPoolMention lower = linked("heart failure", "D1", 0.5, "D2", 0.4);
        LinkedPoolMention earlier = linked("hypertension", "D1", 0.5, "D2", 0.4);
        LinkedPoolMention fresh = linked("cardiac disease", "D1", 0.5, "D2", 0.4);
        AskedTexts asked = new AskedTexts();
        asked.take(earlier);

        // When the random baseline may ask about all of them
        List<MentionSelector.Choice> chosen = new RandomSelector(3).select(List.of(upper, lower, earlier, fresh), 4,
                asked);

        // Then each new text is asked once
        assertThat(chosen).hasSize(2);
        assertThat(chosen).extracting(c -> c.mention().pool().mention().text().toLowerCase())
                .containsExactlyInAnyOrder("heart failure", "cardiac disease");
    }

    @Test
    void explorationDrawsItsShareOfEachBatchAtRandom() {
        // Given two uncertain links and two confident ones
        LinkedPoolMention lowScore = linked("heart failure", "D1", 0.20, "D2", 0.18);
        LinkedPoolMention smallMargin = linked("cardiac disease", "D2", 0.80, "D1", 0.75);
        List<LinkedPoolMention> pool = List.of(linked("hypertension", "D3", 0.97, "D1", 0.01), smallMargin, lowScore,
                linked("infections", "D4", 0.97, "D1", 0.01));
        ExploringSelector selector = new ExploringSelector(
                new RoutedSelector(new UncertaintyRouter(0.7, 0.1)::route, KB, false, 1), new RandomSelector(5), 0.5);

        // When four questions may be asked, half of them exploring
        List<MentionSelector.Choice> chosen = selector.select(pool, 4, new AskedTexts());

        // Then the routed half is the two most uncertain, in order, and the random half the rest
        assertThat(chosen).extracting(MentionSelector.Choice::mention).startsWith(lowScore, smallMargin)
                .containsExactlyInAnyOrderElementsOf(pool);
        assertThat(selector.name()).isEqualTo("routed-no-spread-explore");
    }

    @Test
    void expectedGainLearnsFromTheTeachersAnswersHowOftenEachReasonIsWrong() {
        RoutedSelector router = new RoutedSelector(new UncertaintyRouter(0.7, 0.1)::route, KB, false, 1);
        ExpectedGainSelector selector = new ExpectedGainSelector(router, 0.1, 1);
        // Given one uncertain text and a confident text that occurs four times
        LinkedPoolMention lowScore = linked("heart failure", "D1", 0.20, "D2", 0.18);
        List<LinkedPoolMention> confident = List.of(linked("hypertension", "D3", 0.97, "D1", 0.01),
                linked("hypertension", "D3", 0.97, "D1", 0.01), linked("Hypertension", "D3", 0.97, "D1", 0.01),
                linked("hypertension", "D3", 0.97, "D1", 0.01));
        List<LinkedPoolMention> pool = new java.util.ArrayList<>(confident);
        pool.add(lowScore);
        // Then with the priors (0.5 uncertain, 0.1 confident) one uncertain mention outweighs four confident ones
        assertThat(selector.select(pool, 1, new AskedTexts())).extracting(MentionSelector.Choice::mention)
                .containsExactly(lowScore);

        // When the teacher says the asked low-score link was right, and a confident one was wrong
        selector.answered(lowScore, new LabelAnswer("D1", "MESH", "", "t", 0, 0, 0));
        AskedTexts asked = new AskedTexts();
        List<MentionSelector.Choice> next = selector.select(confident, 1, asked);
        selector.answered(next.get(0).mention(), new LabelAnswer("D1", "MESH", "", "t", 0, 0, 0));

        // Then the learnt error rates follow the answers (a NIL answer would say nothing)
        String reason = router.decide(lowScore).orElseThrow().reason().name();
        assertThat(selector.errorRate(reason)).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(selector.errorRate(ExpectedGainSelector.CONFIDENT))
                .isCloseTo(1.2 / 3, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void adaptiveSelectionMovesTheBatchToTheArmWhoseLabelsFixMoreLinks() {
        // Given a confident text the student links to D3 four times, and a routed arm that finds nothing to route
        List<LinkedPoolMention> pool = List.of(linked("hypertension", "D3", 0.97, "D1", 0.01),
                linked("hypertension", "D3", 0.97, "D1", 0.01), linked("Hypertension", "D3", 0.97, "D1", 0.01),
                linked("hypertension", "D3", 0.97, "D1", 0.01));
        MentionSelector nothingRouted = new MentionSelector() {
            @Override
            public List<Choice> select(List<LinkedPoolMention> unlabelled, int n, AskedTexts asked) {
                return List.of();
            }

            @Override
            public String name() {
                return "nothing";
            }
        };
        AdaptiveSelector selector = new AdaptiveSelector(nothingRouted, new RandomSelector(3), 0.1);
        assertThat(selector.routedShare()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-9)); // priors

        // When the random arm's question comes back naming D1
        List<MentionSelector.Choice> chosen = selector.select(pool, 1, new AskedTexts());
        LabelAnswer d1 = new LabelAnswer("D1", "MESH", "", "t", 0, 0, 0);
        assertThat(selector.fixes(chosen.get(0).mention(), d1)).isEqualTo(4); // every occurrence says D3
        selector.answered(chosen.get(0).mention(), d1);

        // Then the random arm's mean reward rises from 0.25 to (5 + 4) / 21 and routing's share falls with it
        double random = (AdaptiveSelector.RANDOM_PRIOR * AdaptiveSelector.PRIOR_LABELS + 4)
                / (AdaptiveSelector.PRIOR_LABELS + 1);
        assertThat(selector.routedShare()).isCloseTo(AdaptiveSelector.ROUTED_PRIOR / (AdaptiveSelector.ROUTED_PRIOR + random),
                org.assertj.core.api.Assertions.within(1e-9));
        // and a NIL answer fixes nothing; a share never leaves [floor, 1 - floor]
        assertThat(selector.fixes(chosen.get(0).mention(), new LabelAnswer(null, null, "no concept fits", "t", 0, 0, 0))).isZero();
        assertThat(new AdaptiveSelector(nothingRouted, new RandomSelector(3), 0.5).routedShare()).isEqualTo(0.5);
    }

    @Test
    void wrongMeansTheStudentsTopConceptIsNotGold() {
        assertThat(linked("heart failure", "D2", 0.6, "D1", 0.3).studentWrong()).isTrue();
        assertThat(linked("heart failure", "D1", 0.6, "D2", 0.3).studentWrong()).isFalse();
    }

    /** A pool mention at its own offset (so each has its own id), linked confidently to D1. */
    private static LinkedPoolMention linkedAt(String text, int begin) {
        GoldMention gold = new GoldMention(begin, begin + text.length(), text, "SpecificDisease", SemanticType.DISEASE,
                List.of("D1"), false);
        MentionQuery q = new MentionQuery("1", text, SemanticType.DISEASE, null, Set.of());
        LinkedMention linked = new LinkedMention(q, List.of(
                new ScoredConcept("D1", 0.9, new RetrievedCandidate("D1", 0.5, Double.NaN, 0))), false);
        return new LinkedPoolMention(new PoolMention(DOC, gold, Set.of("D1")), linked);
    }

    /** A pool mention whose gold concept is D1, linked by the student with these two best scores. */
    private static LinkedPoolMention linked(String text, String top, double topScore, String second,
                                            double secondScore) {
        GoldMention gold = new GoldMention(0, text.length(), text, "SpecificDisease", SemanticType.DISEASE,
                List.of("D1"), false);
        MentionQuery q = new MentionQuery("1", text, SemanticType.DISEASE, null, Set.of());
        LinkedMention linked = new LinkedMention(q, List.of(
                new ScoredConcept(top, topScore, new RetrievedCandidate(top, 0.5, Double.NaN, 0)),
                new ScoredConcept(second, secondScore, new RetrievedCandidate(second, 0.4, Double.NaN, 1))), false);
        return new LinkedPoolMention(new PoolMention(DOC, gold, Set.of("D1")), linked);
    }

    private static Concept concept(String id, String name, String treeNumber) {
        return new Concept(id, "MESH", SemanticType.DISEASE, name, List.of(), List.of(), List.of(),
                List.of(treeNumber));
    }
}
