package io.linkrx.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmericanSpellingTest {
    @Test
    void givenBritishSpellingsWhenFoldedThenAmerican() {
        assertThat(AmericanSpelling.of("oedema")).isEqualTo("edema");
        assertThat(AmericanSpelling.of("haemorrhage")).isEqualTo("hemorrhage");
        assertThat(AmericanSpelling.of("diarrhoea")).isEqualTo("diarrhea");
        assertThat(AmericanSpelling.of("leucocyte")).isEqualTo("leukocyte");
    }

    @Test
    void givenShortOrAmericanWordsWhenFoldedThenUnchanged() {
        assertThat(AmericanSpelling.of("toe")).isEqualTo("toe");
        assertThat(AmericanSpelling.of("aloe")).isEqualTo("aloe");
        assertThat(AmericanSpelling.of("edema")).isEqualTo("edema");
    }
}
