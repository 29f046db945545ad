package io.linkrx.text.abbrev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbbreviationMapTest {
    private static final String ABSTRACT = "Glucose-6-phosphate dehydrogenase (G6PD) deficiency is common. "
            + "Hereditary nonpolyposis colorectal cancer (HNPCC) is rare. G6PD deficiency and HNPCC were studied; "
            + "a later gene (G6PD) redefinition is ignored.";

    private final AbbreviationMap map = AbbreviationMap.detect(new AbbreviationDetector(), ABSTRACT);

    @Test
    void givenAShortForm_whenExpanded_thenTheFirstDefinitionsLongFormIsReturned() {
        assertThat(map.expand("G6PD")).isEqualTo("Glucose-6-phosphate dehydrogenase");
        assertThat(map.longForm("HNPCC")).contains("Hereditary nonpolyposis colorectal cancer");
        assertThat(map.shortForms()).containsExactly("G6PD", "HNPCC");
    }

    @Test
    void givenAMentionContainingAShortFormAsAToken_whenExpanded_thenOnlyThatTokenIsReplaced() {
        assertThat(map.expand("G6PD deficiency")).isEqualTo("Glucose-6-phosphate dehydrogenase deficiency");
        assertThat(map.expand("G6PD-deficient")).isEqualTo("Glucose-6-phosphate dehydrogenase-deficient");
        assertThat(map.expand("HNPCC and G6PD deficiency"))
                .isEqualTo("Hereditary nonpolyposis colorectal cancer and Glucose-6-phosphate dehydrogenase deficiency");
    }

    @Test
    void givenMentionsWithoutAWholeTokenShortForm_whenExpanded_thenTheyAreUnchanged() {
        assertThat(map.expand("g6pd deficiency")).isEqualTo("g6pd deficiency");   // case-sensitive
        assertThat(map.expand("G6PDX deficiency")).isEqualTo("G6PDX deficiency"); // not a token
        assertThat(map.expand("Glucose-6-phosphate dehydrogenase (G6PD) deficiency"))
                .isEqualTo("Glucose-6-phosphate dehydrogenase (G6PD) deficiency");
        assertThat(AbbreviationMap.empty().expand("G6PD")).isEqualTo("G6PD");
    }

    @Test
    void givenAShortFormDefinedInTheOtherNumber_whenTheMentionIsIt_thenItIsExpanded() {
        AbbreviationMap plural = AbbreviationMap.detect(new AbbreviationDetector(),
                "Nonsteroidal anti-inflammatory drugs (NSAIDs) were given. Each NSAID was stopped. "
                        + "It induced a ventricular septal defect (VSD); VSDs were counted.");

        assertThat(plural.expand("NSAID")).isEqualTo("Nonsteroidal anti-inflammatory drugs");
        assertThat(plural.expand("VSDs")).isEqualTo("ventricular septal defect");
        assertThat(plural.expand("NSAIDs use")).isEqualTo("Nonsteroidal anti-inflammatory drugs use");
    }

    @Test
    void givenAOneLetterShortForm_whenExpanded_thenOnlyTheLetterOnItsOwnIsReplaced() {
        AbbreviationMap letters = AbbreviationMap.detect(new AbbreviationDetector(),
                "Serum testosterone (T) rose. Hepatitis A (HA) was excluded.");

        assertThat(letters.expand("T")).isEqualTo("testosterone");
        assertThat(letters.expand("T cell lymphoma")).isEqualTo("T cell lymphoma");
    }
}
