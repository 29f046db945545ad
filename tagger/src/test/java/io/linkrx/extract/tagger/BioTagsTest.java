package io.linkrx.extract.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.SemanticType;
import io.linkrx.text.Token;

class BioTagsTest {
    private static final String TEXT = "G6PD-deficient boys took cisplatin";
    private static final List<Token> TOKENS = TaggerTokenizer.tokenize(TEXT);

    @Test
    void givenAHyphenatedWord_whenTokenized_thenTheHyphenIsATokenAndOffsetsAreExact() {
        assertThat(TOKENS).extracting(Token::text).containsExactly("G6PD", "-", "deficient", "boys", "took", "cisplatin");
        assertThat(TOKENS).allSatisfy(t -> assertThat(TEXT.substring(t.begin(), t.end())).isEqualTo(t.text()));
    }

    @Test
    void givenWellFormedLabels_whenDecoded_thenSpansCoverTheirTokens() {
        List<TypedSpan> spans = BioTags.decode(TOKENS, List.of("B-DISEASE", "O", "O", "O", "O", "B-CHEMICAL"));

        assertThat(spans).containsExactly(new TypedSpan(0, 4, SemanticType.DISEASE),
                new TypedSpan(25, 34, SemanticType.CHEMICAL));
    }

    @Test
    void givenAnInsideLabelWithoutBegin_whenDecoded_thenItStartsASpan() {
        List<TypedSpan> spans = BioTags.decode(TOKENS, List.of("O", "O", "I-DISEASE", "I-DISEASE", "O", "O"));

        assertThat(spans).containsExactly(new TypedSpan(5, 19, SemanticType.DISEASE));
    }

    @Test
    void givenATypeChangeOrABeginInsideASpan_whenDecoded_thenANewSpanStarts() {
        List<TypedSpan> spans = BioTags.decode(TOKENS,
                List.of("B-DISEASE", "I-DISEASE", "I-CHEMICAL", "B-CHEMICAL", "I-CHEMICAL", "O"));

        assertThat(spans).containsExactly(new TypedSpan(0, 5, SemanticType.DISEASE),
                new TypedSpan(5, 14, SemanticType.CHEMICAL), new TypedSpan(15, 24, SemanticType.CHEMICAL));
    }

    @Test
    void givenASpanRunningToTheEndOfTheSentence_whenDecoded_thenItIsClosedThere() {
        List<TypedSpan> spans = BioTags.decode(TOKENS, List.of("O", "O", "O", "O", "B-CHEMICAL", "I-CHEMICAL"));

        assertThat(spans).containsExactly(new TypedSpan(20, 34, SemanticType.CHEMICAL));
        assertThat(BioTags.decode(List.of(), List.of())).isEmpty();
    }

    @Test
    void givenGoldSpans_whenEncoded_thenOverlapsAreSkippedAndCutTokensAreWidened() {
        BioTags.Encoding e = BioTags.encode(TOKENS, List.of(
                new TypedSpan(0, 14, SemanticType.DISEASE),
                new TypedSpan(0, 4, SemanticType.DISEASE),      // overlaps the first: skipped
                new TypedSpan(27, 34, SemanticType.CHEMICAL))); // cuts "cisplatin": takes the token

        assertThat(e.labels()).containsExactly("B-DISEASE", "I-DISEASE", "I-DISEASE", "O", "O", "B-CHEMICAL");
        assertThat(e.skippedSpans()).isEqualTo(1);
        assertThat(BioTags.decode(TOKENS, e.labels())).containsExactly(new TypedSpan(0, 14, SemanticType.DISEASE),
                new TypedSpan(25, 34, SemanticType.CHEMICAL));
    }
}
