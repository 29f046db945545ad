package io.linkrx.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linkrx.kb.SemanticType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lexical retrieval over an index built from {@link TestKb}. */
class KbIndexLexicalTest {
    @TempDir
    static Path dir;
    static KbIndex index;

    @BeforeAll
    static void build() {
        index = KbIndex.open(TestKb.buildLexical(dir.resolve("index")));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static List<String> ids(List<IndexHit> hits) {
        return hits.stream().map(IndexHit::conceptId).toList();
    }

    @Test
    void givenAnExactName_whenSearched_thenItsConceptIsFirstWithLexicalScoreOne() {
        List<IndexHit> hits = index.lexical("Type 2 Diabetes Mellitus", SemanticType.DISEASE, 5);

        IndexHit top = hits.get(0);
        assertThat(top.conceptId()).isEqualTo("D003924");
        assertThat(top.lexicalScore()).isEqualTo(1.0);
        assertThat(top.score()).isEqualTo(1.0);
        assertThat(top.matchedName()).isEqualTo("type 2 diabetes mellitus");
        assertThat(top.matchedKind()).isEqualTo(NameKind.SYNONYM);
        assertThat(top.preferredName()).isEqualTo("Diabetes Mellitus, Type 2");
        assertThat(top.vocabulary()).isEqualTo("MESH");
        assertThat(top.hasDense()).isFalse();
        assertThat(hits.get(1).lexicalScore()).isBetween(0.0, 0.999);
    }

    @Test
    void givenMisspellingsPluralsAndWordOrder_whenSearched_thenTheConceptIsInTheTopThree() {
        assertThat(ids(index.lexical("diabetis melitus type 2", SemanticType.DISEASE, 3))).contains("D003924");
        assertThat(ids(index.lexical("mellitus diabetes, type 2", null, 3))).contains("D003924");
        assertThat(ids(index.lexical("hypertensoin", null, 3))).contains("D006973");
        assertThat(ids(index.lexical("congestive heart failures", null, 3))).first().isEqualTo("D006333");
        // plural folding makes this an exact name
        assertThat(index.lexical("Breast Cancers", null, 3).get(0)).satisfies(h -> {
            assertThat(h.conceptId()).isEqualTo("D001943");
            assertThat(h.lexicalScore()).isEqualTo(1.0);
        });
    }

    @Test
    void givenAVariant_whenSearched_thenScoresAreCosinesBelowOneAndOrdered() {
        List<IndexHit> hits = index.lexical("diabetis melitus type 2", SemanticType.DISEASE, 5);

        assertThat(hits).allSatisfy(h -> assertThat(h.lexicalScore()).isBetween(0.0, 1.0));
        assertThat(hits.get(0).lexicalScore()).isLessThan(1.0).isGreaterThan(0.4);
        assertThat(hits).extracting(IndexHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void givenAnAbbreviation_whenSearchedAsWritten_thenItMatchesExactlyAndCaseSensitively() {
        assertThat(index.lexical("HTN", null, 3).get(0)).satisfies(h -> {
            assertThat(h.conceptId()).isEqualTo("D006973");
            assertThat(h.lexicalScore()).isEqualTo(1.0);
            assertThat(h.matchedKind()).isEqualTo(NameKind.ABBREVIATION);
        });
        assertThat(index.lexical("MS", SemanticType.DISEASE, 5)).filteredOn(h -> h.lexicalScore() == 1.0)
                .extracting(IndexHit::conceptId).containsExactly("D008946", "D009103");
        assertThat(index.lexical("ms", null, 5)).noneMatch(h -> h.lexicalScore() == 1.0);
    }

    @Test
    void givenADrugMention_whenTheTypeIsDrug_thenChemicalsOfTheSameNameAreCompatibleAndTied() {
        List<IndexHit> hits = index.lexical("aspirin", SemanticType.DRUG, 5);

        assertThat(hits.subList(0, 2)).extracting(IndexHit::conceptId).containsExactly("D001241", "DB00945");
        assertThat(hits.subList(0, 2)).allSatisfy(h -> assertThat(h.score()).isEqualTo(1.0));
    }

    @Test
    void givenATypeFilter_whenNoConceptOfThatTypeMatches_thenOtherTypesArePenalisedNotExcluded() {
        List<IndexHit> hits = index.lexical("metformin", SemanticType.DISEASE, 5);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).conceptId()).isEqualTo("DB00331");
        assertThat(hits.get(0).lexicalScore()).isEqualTo(1.0);
        assertThat(hits.get(0).score()).isCloseTo(TypePolicy.PENALTY, within(1e-9));
    }

    @Test
    void givenATypeFilter_whenBothTypesMatch_thenTheMentionsTypeWins() {
        // the disease's name contains "aspirin"; the drugs match it exactly but are penalised
        List<IndexHit> disease = index.lexical("aspirin hepatotoxicity", SemanticType.DISEASE, 3);
        List<IndexHit> drug = index.lexical("aspirin hepatotoxicity", SemanticType.DRUG, 3);

        assertThat(disease.get(0).conceptId()).isEqualTo("D056486");
        assertThat(drug.get(0).conceptId()).isEqualTo("D056486"); // exact name: 0.8 beats a partial drug match
        assertThat(drug.get(0).score()).isCloseTo(TypePolicy.PENALTY, within(1e-9));
        assertThat(ids(drug)).contains("D001241", "DB00945");
    }

    @Test
    void givenAConceptWithManySimilarNames_whenSearched_thenItAppearsOnceWithItsBestName() {
        List<IndexHit> hits = index.lexical("diabetes mellitus", null, 10);

        assertThat(ids(hits)).doesNotHaveDuplicates().startsWith("D003920").contains("D003922", "D003924");
        assertThat(hits.get(0).matchedName()).isEqualTo("Diabetes Mellitus");
        assertThat(hits.get(0).matchedKind()).isEqualTo(NameKind.PREFERRED);
    }

    @Test
    void givenTheConceptPrior_thenItGrowsWithTheNumberOfNames() {
        IndexHit many = index.lexical("hypertension", null, 1).get(0);   // 4 distinct names ("Hypertensions" folds away) + HTN
        IndexHit one = index.lexical("acetaminophen", null, 1).get(0);   // 2 names

        assertThat(many.prior()).isCloseTo(NameEntry.prior(5), within(1e-6));
        assertThat(one.prior()).isCloseTo(NameEntry.prior(2), within(1e-6)).isLessThan(many.prior());
    }

    @Test
    void givenNothingUsable_whenSearched_thenNoHits() {
        assertThat(index.lexical("   ", null, 5)).isEmpty();
        assertThat(index.lexical("--", null, 5)).isEmpty();
        assertThat(index.lexical("zzqx", null, 5)).isEmpty();
        assertThat(index.lexical("asthma", null, 0)).isEmpty();
    }

    @Test
    void givenALongMention_whenSearched_thenItIsCutAndStillAnswered() {
        String longText = "bronchial asthma ".repeat(100);

        assertThat(index.lexical(longText, null, 1)).extracting(IndexHit::conceptId).containsExactly("D001249");
    }
}
