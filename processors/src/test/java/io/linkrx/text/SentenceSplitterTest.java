package io.linkrx.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void givenAnAbstract_whenSplit_thenSpansAreTrimmedSentencesOfTheOriginalText() {
        String text = "Ataxia is rare. As shown by Smith et al. in 1990, e.g. in J. Smith's cohort, it is "
                + "inherited (p < 0.05). 12 patients had it!\nNew line without period";

        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text);

        assertThat(spans).extracting(s -> text.substring(s.begin(), s.end())).containsExactly(
                "Ataxia is rare.",
                "As shown by Smith et al. in 1990, e.g. in J. Smith's cohort, it is inherited (p < 0.05).",
                "12 patients had it!",
                "New line without period");
    }

    @Test
    void givenPeriodsNotFollowedByASentenceStart_whenSplit_thenTheyDoNotSplit() {
        assertThat(SentenceSplitter.split("Doses of 2.5 mg. were given vs. placebo.")).hasSize(1);
        assertThat(SentenceSplitter.split("  ")).isEmpty();
    }
}
