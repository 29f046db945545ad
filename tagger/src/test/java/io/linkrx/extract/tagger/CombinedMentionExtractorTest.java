package io.linkrx.extract.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.assertion.Assertion;
import io.linkrx.extract.Mention;
import io.linkrx.extract.MentionExtractor;
import io.linkrx.kb.SemanticType;

class CombinedMentionExtractorTest {
    private static final String TEXT = "Severe breast cancer and cisplatin toxicity in G6PD deficiency.";

    @Test
    void givenOverlappingMentions_whenCombined_thenTheLongerWinsAndTheRestIsKeptInTextOrder() {
        MentionExtractor tagger = text -> List.of(
                mention(text, "breast cancer", SemanticType.DISEASE),
                mention(text, "cisplatin", SemanticType.CHEMICAL),
                mention(text, "G6PD deficiency", SemanticType.DISEASE));
        MentionExtractor dictionary = text -> List.of(
                mention(text, "Severe breast cancer", SemanticType.DISEASE), // longer: replaces the tagger's
                mention(text, "cisplatin toxicity", SemanticType.DISEASE),   // longer: replaces the chemical
                mention(text, "deficiency", SemanticType.DISEASE));          // shorter: dropped

        List<Mention> combined = new CombinedMentionExtractor(List.of(tagger, dictionary)).extract(TEXT);

        assertThat(combined).extracting(Mention::text)
                .containsExactly("Severe breast cancer", "cisplatin toxicity", "G6PD deficiency");
    }

    @Test
    void givenEquallyLongOverlappingMentions_whenCombined_thenTheFirstExtractorWins() {
        MentionExtractor tagger = text -> List.of(mention(text, "cisplatin", SemanticType.CHEMICAL));
        MentionExtractor dictionary = text -> List.of(mention(text, "cisplatin", SemanticType.DRUG));

        assertThat(new CombinedMentionExtractor(List.of(tagger, dictionary)).extract(TEXT))
                .extracting(Mention::type).containsExactly(SemanticType.CHEMICAL);
        assertThat(new CombinedMentionExtractor(List.of(dictionary, tagger)).extract(TEXT))
                .extracting(Mention::type).containsExactly(SemanticType.DRUG);
    }

    private static Mention mention(String text, String phrase, SemanticType type) {
        int begin = text.indexOf(phrase);
        return new Mention(begin, begin + phrase.length(), phrase, type, Assertion.PRESENT, null);
    }
}
