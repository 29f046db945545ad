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
import io.linkrx.route.MarginTeacherRouter;

/** linkrx's routing as the experiment's selector: uncertain links first, by priority; confident ones last. */
class RoutedSelectorTest {
    private static final KnowledgeBase KB = KnowledgeBase.of("test-kb", List.of(
            concept("D1", "Heart Failure"), concept("D2", "Heart Diseases"), concept("D3", "Hypertension")));
    private static final PubTatorDocument DOC = new PubTatorDocument("1", "Heart failure and hypertension.", "",
            List.of());

    @Test
    void uncertainLinksComeFirstMostUncertainFirstConfidentLast() {
        // Given three links: confident, slightly unsure (small margin), very unsure (low score)
        LinkedPoolMention confident = linked("hypertension", "D3", 0.97, "D1", 0.01);
        LinkedPoolMention smallMargin = linked("cardiac disease", "D2", 0.80, "D1", 0.75);
        LinkedPoolMention lowScore = linked("heart failure", "D1", 0.20, "D2", 0.18);
        RoutedSelector selector = new RoutedSelector(new MarginTeacherRouter(0.7, 0.1)::route, KB, 1);

        // When they are ordered for the teacher
        List<MentionSelector.Choice> order = selector.order(List.of(confident, smallMargin, lowScore));

        // Then the router's uncertain ones come first, most uncertain first, and the confident one is filler
        assertThat(order).extracting(MentionSelector.Choice::mention).containsExactly(lowScore, smallMargin, confident);
        assertThat(order).extracting(MentionSelector.Choice::uncertain).containsExactly(true, true, false);
    }

    @Test
    void randomOrderKeepsEveryMentionAndJudgesNone() {
        List<LinkedPoolMention> pool = List.of(linked("a", "D1", 0.9, "D2", 0.1), linked("b", "D2", 0.3, "D1", 0.2),
                linked("c", "D3", 0.5, "D1", 0.4));

        List<MentionSelector.Choice> order = new RandomSelector(7).order(pool);

        assertThat(order).extracting(MentionSelector.Choice::mention).containsExactlyInAnyOrderElementsOf(pool);
        assertThat(order).noneMatch(MentionSelector.Choice::uncertain);
    }

    @Test
    void aMentionTextIsAskedOnceAcrossTheRun() {
        // Given an order in which a text repeats (case aside) and one text was asked in an earlier step
        List<MentionSelector.Choice> order = List.of(choice("Heart failure"), choice("heart failure"),
                choice("hypertension"), choice("cardiac disease"));

        List<MentionSelector.Choice> picked = TeacherLoop.distinctTexts(order, Set.of("hypertension"), 3);

        assertThat(picked).extracting(c -> c.mention().pool().mention().text())
                .containsExactly("Heart failure", "cardiac disease");
    }

    @Test
    void wrongMeansTheStudentsTopConceptIsNotGold() {
        assertThat(linked("heart failure", "D2", 0.6, "D1", 0.3).studentWrong()).isTrue();
        assertThat(linked("heart failure", "D1", 0.6, "D2", 0.3).studentWrong()).isFalse();
    }

    private static MentionSelector.Choice choice(String text) {
        return new MentionSelector.Choice(linked(text, "D1", 0.5, "D2", 0.4), true);
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

    private static Concept concept(String id, String name) {
        return new Concept(id, "MESH", SemanticType.DISEASE, name, List.of(), List.of(), List.of());
    }
}
