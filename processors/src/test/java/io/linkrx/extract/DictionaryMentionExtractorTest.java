package io.linkrx.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.assertion.Assertion;
import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;

class DictionaryMentionExtractorTest {
    private static final KnowledgeBase KB = KnowledgeBase.load("classpath:kb-fixture.tsv");
    private static final MentionExtractor EXTRACTOR =
            new DictionaryMentionExtractor(KB, new ContextAssertionDetector());

    @Test
    void givenALongAndAShortName_whenExtracted_thenTheLongestMatchWins() {
        String note = "History of type 2 diabetes mellitus, well controlled.";

        List<Mention> mentions = EXTRACTOR.extract(note);

        assertThat(mentions).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("type 2 diabetes mellitus");
            assertThat(m.begin()).isEqualTo(11);
            assertThat(m.end()).isEqualTo(35);
            assertThat(m.type()).isEqualTo(SemanticType.DISEASE);
            assertThat(m.assertion()).isEqualTo(Assertion.HISTORICAL);
            assertThat(m.assertionTrigger()).isEqualTo("History of");
        });
        assertThat(EXTRACTOR.extract("Diabetes is new.")).extracting(Mention::text).containsExactly("Diabetes");
    }

    @Test
    void givenAbbreviations_whenExtracted_thenTheyMatchCaseSensitively() {
        assertThat(EXTRACTOR.extract("PMH: HTN, DM and CKD; s/p MI.")).extracting(Mention::text)
                .containsExactly("HTN", "DM", "CKD", "MI");
        assertThat(EXTRACTOR.extract("Vive con mi madre. Mi casa. htn, ckd")).isEmpty();
    }

    @Test
    void givenPluralsPossessivesAndHyphens_whenExtracted_thenTheyMatchTheSingularNames() {
        String note = "Two cancers, recurrent UTIs and DVTs; Alzheimer's disease, Crohn's disease, A-fib, COVID-19.";

        assertThat(EXTRACTOR.extract(note)).extracting(Mention::text).containsExactly(
                "cancers", "UTIs", "DVTs", "Alzheimer's disease", "Crohn's disease", "A-fib", "COVID-19");
    }

    @Test
    void givenAnyNote_whenExtracted_thenOffsetsAreExactAndMentionsDoNotOverlap() {
        String note = "58 y/o F w/ HTN, CHF (EF 30%), breast cancer s/p lumpectomy.\n"
                + "Denies chest pain, shortness of breath or fever.\n"
                + "Meds: metformin 500 mg, aspirin 81 mg, Lasix 40 mg.";

        List<Mention> mentions = EXTRACTOR.extract(note);

        assertThat(mentions).extracting(Mention::text).containsExactly("HTN", "CHF", "breast cancer", "chest pain",
                "shortness of breath", "fever", "metformin", "aspirin", "Lasix");
        assertThat(mentions).allSatisfy(m -> assertThat(note.substring(m.begin(), m.end())).isEqualTo(m.text()));
        for (int i = 1; i < mentions.size(); i++) {
            assertThat(mentions.get(i).begin()).isGreaterThanOrEqualTo(mentions.get(i - 1).end());
        }
    }

    @Test
    void givenCommonWordsAndShortNames_whenExtracted_thenOnlyAbbreviationsMatch() {
        assertThat(EXTRACTOR.extract("She will lead the team.")).isEmpty();
        assertThat(EXTRACTOR.extract("Blood Pb level elevated.")).singleElement()
                .extracting(Mention::text, Mention::type).containsExactly("Pb", SemanticType.CHEMICAL);
    }

    @Test
    void givenANameSharedByConcepts_whenExtracted_thenTheTypeOfTheFirstConceptInKbOrderIsUsed() {
        assertThat(EXTRACTOR.extract("aspirin and metformin and Coumadin")).extracting(Mention::text, Mention::type)
                .containsExactly(tuple("aspirin", SemanticType.CHEMICAL), tuple("metformin", SemanticType.DRUG),
                        tuple("Coumadin", SemanticType.DRUG));
    }

    @Test
    void givenWordsSplitByPunctuationOrLines_whenExtracted_thenNoMultiWordNameSpansThem() {
        assertThat(EXTRACTOR.extract("Chest\npain")).isEmpty();
        assertThat(EXTRACTOR.extract("Breast. Cancer")).extracting(Mention::text).containsExactly("Cancer");
        assertThat(EXTRACTOR.extract("heart  failure")).extracting(Mention::text).containsExactly("heart  failure");
    }

    @Test
    void givenMentionsInDifferentContexts_whenExtracted_thenEachCarriesItsAssertion() {
        String note = "Denies chest pain but reports shortness of breath. Mother with breast cancer. "
                + "Rule out pneumonia.";

        assertThat(EXTRACTOR.extract(note))
                .extracting(Mention::text, Mention::assertion, Mention::assertionTrigger)
                .containsExactly(
                        tuple("chest pain", Assertion.NEGATED, "Denies"),
                        tuple("shortness of breath", Assertion.PRESENT, null),
                        tuple("breast cancer", Assertion.FAMILY, "Mother with"),
                        tuple("pneumonia", Assertion.HYPOTHETICAL, "Rule out"));
    }

    @Test
    void givenEmptyOrWordlessText_whenExtracted_thenThereAreNoMentions() {
        assertThat(EXTRACTOR.extract("")).isEmpty();
        assertThat(EXTRACTOR.extract(" ... \n")).isEmpty();
    }
}
