package io.linkrx.assertion;

import static io.linkrx.assertion.Assertion.FAMILY;
import static io.linkrx.assertion.Assertion.HISTORICAL;
import static io.linkrx.assertion.Assertion.HYPOTHETICAL;
import static io.linkrx.assertion.Assertion.NEGATED;
import static io.linkrx.assertion.Assertion.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.StringReader;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each sentence marks the mention with [brackets]; the brackets are removed before detection. */
class ContextAssertionDetectorTest {
    private static final ContextAssertionDetector DETECTOR = new ContextAssertionDetector();

    static Stream<Arguments> sentences() {
        return Stream.of(
                // negation, pre and post
                arguments("Denies [chest pain].", NEGATED, "Denies"),
                arguments("No [fever] or chills.", NEGATED, "No"),
                arguments("No fever or [chills].", NEGATED, "No"),
                arguments("Negative for [DVT] on ultrasound.", NEGATED, "Negative for"),
                arguments("Tolerating diet without [nausea].", NEGATED, "without"),
                arguments("[Chest pain] was ruled out.", NEGATED, "ruled out"),
                arguments("[Pneumonia] has been ruled out by CT.", NEGATED, "ruled out"),
                arguments("No history of [MI].", NEGATED, "No"),
                arguments("Neither fever nor [chills].", NEGATED, "nor"),
                // hypothetical
                arguments("Admitted to rule out [pneumonia].", HYPOTHETICAL, "to rule out"),
                arguments("Rule out [pneumonia].", HYPOTHETICAL, "Rule out"),
                arguments("Chest pain, r/o [MI].", HYPOTHETICAL, "r/o"),
                arguments("Possible [UTI].", HYPOTHETICAL, "Possible"),
                arguments("Consider [metformin] if A1c rises.", HYPOTHETICAL, "Consider"),
                arguments("Return for worsening dyspnea, [bleeding] or fainting.", HYPOTHETICAL, "Return for"),
                arguments("Gabapentin may contribute to [confusion].", HYPOTHETICAL, "may contribute to"),
                arguments("Likely rheumatic [mitral stenosis] given the murmur.", HYPOTHETICAL, "Likely"),
                // pseudo-negation and history inside lists
                arguments("Hypertension, not at goal (148/92): add [chlorthalidone].", PRESENT, null),
                arguments("CAD s/p CABG in 2015, [CKD] stage 4.", PRESENT, null),
                arguments("Hypertension, history of stroke in 2019, [depression].", PRESENT, null),
                arguments("History of [stroke] in 2019.", HISTORICAL, "History of"),
                arguments("Cultures drawn given concern for [sepsis].", HYPOTHETICAL, "concern for"),
                arguments("Return to the ED if [chest pain] recurs.", HYPOTHETICAL, "if"),
                arguments("PE vs. [pneumonia].", HYPOTHETICAL, "vs"),
                arguments("Start heparin for [DVT] prophylaxis.", HYPOTHETICAL, "prophylaxis"),
                arguments("Possible history of [stroke].", HYPOTHETICAL, "Possible"),
                // historical
                arguments("History of [MI] in 2015.", HISTORICAL, "History of"),
                arguments("Patient with h/o [CHF] on lasix.", HISTORICAL, "h/o"),
                arguments("S/p [MI] with stent placement.", HISTORICAL, "S/p"),
                arguments("Prior [stroke] without residual deficits.", HISTORICAL, "Prior"),
                arguments("[Stroke] in the past.", HISTORICAL, "in the past"),
                arguments("PMH: [HTN], DM, CAD.", HISTORICAL, "PMH"),
                arguments("PMH:\nHTN\n- [DM]\n", HISTORICAL, "PMH"),
                arguments("PMH:\r\nHTN\r\n[DM]\r\n", HISTORICAL, "PMH"),
                arguments("Past medical history:\n  CAD\n  [CKD] stage 3\n", HISTORICAL, "Past medical history"),
                // family
                arguments("Mother with [breast cancer].", FAMILY, "Mother with"),
                arguments("Family history of [diabetes].", FAMILY, "Family history of"),
                arguments("FHx: [CAD]", FAMILY, "FHx"),
                arguments("Father had [MI] at age 50.", FAMILY, "Father had"),
                arguments("[Breast cancer] in her mother.", FAMILY, "in her mother"),
                arguments("No family history of [colon cancer].", FAMILY, "family history of"),
                arguments("Family history:\nMother - [breast cancer]\n", FAMILY, "Family history"),
                // scope termination
                arguments("Denies [chest pain] but reports dyspnea.", NEGATED, "Denies"),
                arguments("Denies chest pain but reports [dyspnea].", PRESENT, null),
                arguments("No fever; [cough] is productive.", PRESENT, null),
                arguments("No fever. [Cough] for two weeks.", PRESENT, null),
                arguments("Denies fever\n[Cough] present", PRESENT, null),
                arguments("Denies chest pain Assessment: [pneumonia]", PRESENT, null),
                arguments("Patient with h/o MI presents with [chest pain].", PRESENT, null),
                arguments("No acute distress, heart rate regular, lungs clear to auscultation, [murmur] noted.",
                        PRESENT, null),
                arguments("PMH: HTN\nHPI: [chest pain] since this morning.", PRESENT, null),
                arguments("PMH:\nHTN\n\n[Chest pain] today.", PRESENT, null),
                arguments("PMH:\nHTN\nMedications:\n[metformin] 500 mg", PRESENT, null),
                arguments("FHx: father had MI at 50. Possible [PNA] vs PE.", HYPOTHETICAL, "Possible"),
                arguments("FHx: father had MI at 50. Presents with [chest pain].", PRESENT, null),
                arguments("Plan: [metformin], ASA, heparin for DVT prophylaxis.", PRESENT, null),
                // pseudo-triggers
                arguments("No increase in [swelling].", PRESENT, null),
                arguments("Not only [hypertension] but also diabetes.", PRESENT, null),
                arguments("No change in [heart failure] symptoms.", PRESENT, null),
                arguments("[Bacteremia] with gram negative rods.", PRESENT, null),
                arguments("Gram negative [sepsis].", PRESENT, null),
                arguments("45 year old man with [chest pain].", PRESENT, null),
                arguments("Patient is febrile with [pneumonia].", PRESENT, null),
                // generic line labels are not clause boundaries
                arguments("Denies: [fever], chills.", NEGATED, "Denies"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sentences")
    void givenASentence_whenTheMarkedMentionIsAsserted_thenTheExpectedAssertionAndTriggerAreFound(
            String marked, Assertion expected, String trigger) {
        int begin = marked.indexOf('[');
        int end = marked.indexOf(']') - 1;
        String text = marked.replace("[", "").replace("]", "");

        AssertionResult result = DETECTOR.detect(text, begin, end);

        assertThat(result).isEqualTo(new AssertionResult(expected, trigger));
    }

    @Test
    void givenTheSameTextTwice_whenDetected_thenTheDetectorIsStateless() {
        String text = "Denies chest pain but reports dyspnea.";

        assertThat(DETECTOR.detect(text, 7, 17).assertion()).isEqualTo(NEGATED);
        assertThat(DETECTOR.detect(text, 30, 37).assertion()).isEqualTo(PRESENT);
        assertThat(DETECTOR.detect(text, 7, 17).assertion()).isEqualTo(NEGATED);
    }

    @Test
    void givenTriggersFarFromTheMention_whenDetected_thenOnlyTheirWindowsCount() {
        String near = "No one two three four five six fever";
        String far = "No one two three four five six seven fever";

        assertThat(DETECTOR.detect(near, near.indexOf("fever"), near.length()).assertion()).isEqualTo(NEGATED);
        assertThat(DETECTOR.detect(far, far.indexOf("fever"), far.length()).assertion()).isEqualTo(PRESENT);
        String postNear = "fever one two three ruled out";
        String postFar = "fever one two three four ruled out";
        assertThat(DETECTOR.detect(postNear, 0, 5).assertion()).isEqualTo(NEGATED);
        assertThat(DETECTOR.detect(postFar, 0, 5).assertion()).isEqualTo(PRESENT);
    }

    @Test
    void givenOffsetsOutsideTheText_whenDetected_thenTheErrorCarriesOffsetsButNoNoteText() {
        String text = "secret note about HIV";

        assertThatThrownBy(() -> DETECTOR.detect(text, 5, 99))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("[5, 99)")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("HIV");
    }

    @Test
    void givenACustomLexicon_whenDetected_thenItsTriggersApply() {
        TriggerLexicon lexicon = TriggerLexicon.read(new StringReader("""
                # Spanish
                sin\tNEGATED\tPRE
                antecedentes de\tHISTORICAL\tPRE
                """), "es.tsv");
        ContextAssertionDetector detector = new ContextAssertionDetector(lexicon);

        String text = "Paciente sin fiebre. Antecedentes de diabetes";
        assertThat(detector.detect(text, 13, 19)).isEqualTo(new AssertionResult(NEGATED, "sin"));
        assertThat(detector.detect(text, 37, 45)).isEqualTo(new AssertionResult(HISTORICAL, "Antecedentes de"));
    }

    @Test
    void givenABadLexiconLine_whenRead_thenTheErrorNamesSourceAndLine() {
        assertThatThrownBy(() -> TriggerLexicon.read(new StringReader("no\tNEGATED\tPRE\nmaybe\tUNSURE\tPRE\n"),
                "bad.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad.tsv:2: unknown TriggerCategory 'UNSURE'");
        assertThatThrownBy(() -> TriggerLexicon.read(new StringReader("no\tPSEUDO\tSECTION\n"), "bad.tsv"))
                .hasMessageStartingWith("bad.tsv:1: category PSEUDO cannot have direction SECTION");
        assertThatThrownBy(() -> TriggerLexicon.read(new StringReader("no NEGATED PRE\n"), "bad.tsv"))
                .hasMessageStartingWith("bad.tsv:1: expected trigger<TAB>category<TAB>direction");
    }

    @Test
    void givenTheDefaultLexicon_whenLoaded_thenItCoversEveryCategoryAndDirection() {
        TriggerLexicon lexicon = TriggerLexicon.defaultEnglish();

        assertThat(lexicon.rules()).extracting(TriggerRule::category).contains(TriggerCategory.values());
        assertThat(lexicon.rules()).extracting(TriggerRule::direction).contains(TriggerDirection.values());
    }
}
