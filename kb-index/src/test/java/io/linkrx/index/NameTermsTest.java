package io.linkrx.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameTermsTest {
    @Test
    void givenAName_whenAnalysed_thenGramsCarryWordBoundariesAndWordsAreNormalised() {
        NameTerms t = NameTerms.of("Flu Viruses");

        assertThat(t.norm()).isEqualTo("flu virus");
        assertThat(t.grams()).containsOnlyKeys(" fl", "flu", "lu ", "u v", " vi", "vir", "iru", "rus", "us ");
        assertThat(t.words()).containsOnlyKeys("flu", "virus");
    }

    @Test
    void givenRepeatedGrams_whenAnalysed_thenTheyAreCounted() {
        assertThat(NameTerms.of("aaaa").grams()).containsEntry("aaa", 2).containsEntry(" aa", 1);
    }

    @Test
    void givenPunctuationOnly_whenAnalysed_thenEmpty() {
        assertThat(NameTerms.of(" -- ").isEmpty()).isTrue();
    }
}
