package io.linkrx.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CoordinationTest {

    @Test
    void givenConjunctsSharingTheLastWords_whenSpelledOut_thenEachGetsTheHead() {
        assertThat(Coordination.conjuncts("breast and ovarian cancer"))
                .containsExactly("breast cancer", "ovarian cancer");
        assertThat(Coordination.conjuncts("breast, ovarian, or other cancers"))
                .containsExactly("breast cancer", "ovarian cancer", "other cancer");
        assertThat(Coordination.conjuncts("breast and/or ovarian cancer"))
                .containsExactly("breast cancer", "ovarian cancer");
        assertThat(Coordination.conjuncts("breast/ovarian cancer"))
                .containsExactly("breast cancer", "ovarian cancer");
    }

    @Test
    void givenConjunctsSharingTheFirstWords_whenSpelledOut_thenEachGetsThePrefixAndStaysAsWritten() {
        assertThat(Coordination.conjuncts("deficiencies of C6 and C7"))
                .containsExactly("deficiency of c6", "deficiency of c7", "c7");
        assertThat(Coordination.conjuncts("Wilms tumor and aniridia"))
                .containsExactly("wilm tumor", "wilm aniridia", "aniridia"); // plurals folded: "wilms" → "wilm"
    }

    @Test
    void givenWholeNamesOnBothSides_whenSpelledOut_thenTheHeadIsNotRepeatedAndEachNameIsKept() {
        assertThat(Coordination.conjuncts("breast cancer and ovarian cancer"))
                .containsExactly("breast cancer", "ovarian cancer");
        assertThat(Coordination.conjuncts("hereditary breast and ovarian cancer"))
                .containsExactly("hereditary breast cancer", "ovarian cancer", "hereditary breast");
    }

    @Test
    void givenACoordinatedMention_whenRead_thenEachConjunctHasItsSpelledOutNameFirst() {
        assertThat(Coordination.readings("breast and ovarian cancer"))
                .containsExactly(List.of("breast cancer"), List.of("ovarian cancer"));
        assertThat(Coordination.readings("Wilms tumor and aniridia"))
                .containsExactly(List.of("wilm tumor"), List.of("wilm aniridia", "aniridia"));
        assertThat(Coordination.readings("X disease and Y syndrome"))
                .containsExactly(List.of("x disease syndrome", "x disease"), List.of("y syndrome"));
    }

    @Test
    void givenCommasBetweenLocantsOfAChemicalName_whenSpelledOut_thenNothingIsCoordinated() {
        assertThat(Coordination.conjuncts("1-methyl-4-phenyl-1,2,3,6-tetrahydropyridine")).isEmpty();
        assertThat(Coordination.conjuncts("5,7-dihydroxytryptamine")).isEmpty();
        assertThat(Coordination.conjuncts("N,N-dimethylformamide")).isEmpty();
    }

    @Test
    void givenAMentionWithoutCoordinationOrWithAListTooLong_whenSpelledOut_thenThereAreNoConjuncts() {
        assertThat(Coordination.conjuncts("non-small cell lung cancer")).isEmpty();
        assertThat(Coordination.conjuncts("ataxia (AT)")).isEmpty();
        assertThat(Coordination.conjuncts("and")).isEmpty();
        assertThat(Coordination.mayCoordinate("disorders of the cornea")).isFalse(); // "or" inside words
        assertThat(Coordination.mayCoordinate("Breast OR ovarian cancer")).isTrue();
        assertThat(Coordination.conjuncts("pancreatic, basal cell, colonic, breast, and cervical carcinomas")).isEmpty();
    }
}
