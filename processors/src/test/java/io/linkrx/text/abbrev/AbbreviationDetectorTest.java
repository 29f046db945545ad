package io.linkrx.text.abbrev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AbbreviationDetectorTest {
    private final AbbreviationDetector detector = new AbbreviationDetector();

    @Test
    void givenLongFormThenShortForm_whenDetected_thenBothSpansAreExact() {
        String text = "Mutations in the glucose-6-phosphate dehydrogenase (G6PD) gene cause G6PD deficiency.";

        List<AbbreviationDefinition> found = detector.detect(text);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.shortForm()).isEqualTo("G6PD");
            assertThat(d.longForm()).isEqualTo("glucose-6-phosphate dehydrogenase");
            assertThat(text.substring(d.shortBegin(), d.shortEnd())).isEqualTo("G6PD");
            assertThat(text.substring(d.longBegin(), d.longEnd())).isEqualTo("glucose-6-phosphate dehydrogenase");
            assertThat(d.longBegin()).isEqualTo(17);
        });
    }

    @Test
    void givenSeveralDefinitionsInAnAbstract_whenDetected_thenTheShortestMatchingLongFormsAreFound() {
        String text = "Germline mutations of the adenomatous polyposis coli (APC) gene cause familial adenomatous "
                + "polyposis (FAP). Patients with hereditary nonpolyposis colorectal cancer (HNPCC; Lynch syndrome) "
                + "carry mismatch repair defects. Ataxia-telangiectasia (A-T) is recessive.";

        assertThat(detector.detect(text)).extracting(AbbreviationDefinition::shortForm, AbbreviationDefinition::longForm)
                .containsExactly(
                        tuple("APC", "adenomatous polyposis coli"),
                        tuple("FAP", "familial adenomatous polyposis"),
                        tuple("HNPCC", "hereditary nonpolyposis colorectal cancer"),
                        tuple("A-T", "Ataxia-telangiectasia"));
    }

    @Test
    void givenShortFormThenLongForm_whenDetected_thenTheWordBeforeTheParenthesisIsTheShortForm() {
        String text = "Carriers of HNPCC (hereditary nonpolyposis colorectal cancer) were screened.";

        assertThat(detector.detect(text)).singleElement().satisfies(d -> {
            assertThat(d.shortForm()).isEqualTo("HNPCC");
            assertThat(d.longForm()).isEqualTo("hereditary nonpolyposis colorectal cancer");
            assertThat(d.shortBegin()).isEqualTo(12);
            assertThat(d.longBegin()).isEqualTo(19);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Mortality was significantly lower (p < 0.05) in the treated group.",
        "The patients (n = 12) received high doses.",
        "As reported earlier (1990), the syndrome is rare.",
        "Levels were elevated (P<0.05) after treatment.",
        "The tumour (mass) was removed.",
        "Fever (a) and rash (b) were recorded.",
        "Cases of breast cancer (see below) were excluded."
    })
    void givenParenthesesThatDefineNothing_whenDetected_thenNothingIsFound(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }

    @Test
    void givenAShortFormWhoseFirstLetterOnlyOccursInsideAWord_whenDetected_thenItIsRejected() {
        // "X" occurs only inside "toxicity": the first short-form char must start a word
        assertThat(detector.detect("Severe toxicity (XT) was seen.")).isEmpty();
    }

    @Test
    void givenAParenthesisInTheNextSentence_whenDetected_thenTheLongFormDoesNotCrossTheSentence() {
        String text = "Dilated cardiomyopathy was absent. Muscle weakness (DC) was noted.";

        assertThat(detector.detect(text)).isEmpty();
    }

    @Test
    void givenALongFormLongerThanTheWindow_whenDetected_thenItIsRejected() {
        // "MS" allows min(2 + 5, 2 * 2) = 4 words
        assertThat(detector.detect("multiple lesions in several scattered areas (MS) were seen.")).isEmpty();
        assertThat(detector.detect("They had multiple sclerosis (MS).")).extracting(AbbreviationDefinition::longForm)
                .containsExactly("multiple sclerosis");
    }

    @Test
    void givenAnEarlierParentheticalOrATrailingComma_whenDetected_thenTheLongFormStaysInItsClause() {
        String text = "Twenty received 500 mg (group G), and 20 received a placebo (group P). Rats received puromycin "
                + "aminonucleoside, (PAN, 7.5 mg/kg) once.";

        assertThat(detector.detect(text)).extracting(AbbreviationDefinition::shortForm, AbbreviationDefinition::longForm)
                .containsExactly(tuple("PAN", "puromycin aminonucleoside"));
    }

    @Test
    void givenNestedOrUnbalancedParentheses_whenDetected_thenNoExceptionAndBalancedOnesCount() {
        assertThat(detector.detect("Von Willebrand disease (VWD (type 1)) and (unclosed")).isEmpty();
        assertThat(detector.detect("")).isEmpty();
        assertThat(detector.detect("(APC)")).isEmpty();
    }

    @Test
    void givenOneCapitalLetterAfterItsLongForm_whenDetected_thenItIsAShortFormButNeverBeforeAParenthesis() {
        assertThat(detector.detect("Serum prolactin (PRL) and testosterone (T) were measured."))
                .extracting(AbbreviationDefinition::shortForm, AbbreviationDefinition::longForm)
                .containsExactly(tuple("PRL", "prolactin"), tuple("T", "testosterone"));
        assertThat(detector.detect("Rats received saline (C) or methylprednisolone (M)."))
                .extracting(AbbreviationDefinition::shortForm).containsExactly("M"); // no word starts with C
        assertThat(detector.detect("The T (thymus-derived lymphocyte) count fell.")).isEmpty();
    }

    @Test
    void givenAShortFormFollowedByAColonAndADose_whenDetected_thenTheShortFormEndsAtTheColon() {
        assertThat(detector.detect("the effect of phenobarbital (PB: 15 mg per rat) on carcinogenesis"))
                .singleElement().satisfies(d -> {
                    assertThat(d.shortForm()).isEqualTo("PB");
                    assertThat(d.longForm()).isEqualTo("phenobarbital");
                });
    }

    @Test
    void givenWordsWhoseInitialsSpellTheShortForm_whenDetected_thenTheyWinOverTheShortestMatch() {
        assertThat(detector.detect("women on combined oral contraceptives (COCs) were studied"))
                .singleElement().satisfies(d -> assertThat(d.longForm()).isEqualTo("combined oral contraceptives"));
        assertThat(detector.detect("in contrast media-induced nephropathy (CIN) the risk rose"))
                .singleElement().satisfies(d -> assertThat(d.longForm()).isEqualTo("contrast media-induced nephropathy"));
        // initials that do not spell it: Schwartz–Hearst's match as before
        assertThat(detector.detect("nonsteroidal anti-inflammatory drugs (NSAIDs) were stopped"))
                .singleElement().satisfies(d -> assertThat(d.longForm()).isEqualTo("nonsteroidal anti-inflammatory drugs"));
    }

    @Test
    void givenAShortFormAndAWrittenOutMention_whenSpellsIsAsked_thenOnlyAWholeLongFormCounts() {
        assertThat(AbbreviationDetector.spells("OAB", "overactive bladder")).isTrue();
        assertThat(AbbreviationDetector.spells("BUN", "blood urea nitrogen")).isTrue();
        assertThat(AbbreviationDetector.spells("PGs", "prostaglandins")).isTrue();
        // the letters are all in "bladder" but its first word is not where the short form starts
        assertThat(AbbreviationDetector.spells("OAB", "bladder")).isFalse();
        assertThat(AbbreviationDetector.spells("OAB", "urinary overactive bladder")).isFalse();
        assertThat(AbbreviationDetector.spells("DVP", "divalproex")).isTrue();
        assertThat(AbbreviationDetector.spells("DVP", "valproic acid")).isFalse();
        // the short form as a word of the long form is no definition of it
        assertThat(AbbreviationDetector.spells("AML", "AML relapse")).isFalse();
    }
}
