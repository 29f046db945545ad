package io.linkrx.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {

    @Test
    void givenASentence_whenTokenized_thenOffsetsPointIntoTheOriginalTextAndEdgePunctuationIsStripped() {
        String text = "Pt (58 y/o) denies \"chest pain,\" fever.";

        List<Token> tokens = Tokenizer.tokenize(text);

        assertThat(tokens).extracting(Token::text)
                .containsExactly("Pt", "58", "y/o", "denies", "chest", "pain", "fever");
        assertThat(tokens).allSatisfy(t -> assertThat(text.substring(t.begin(), t.end())).isEqualTo(t.text()));
        assertThat(tokens.get(5)).isEqualTo(new Token(26, 30, "pain", "pain"));
    }

    @Test
    void givenClinicalShorthand_whenTokenized_thenSlashAbbreviationsStayWholeButListsSplit() {
        assertThat(texts("s/p CABG, h/o MI, r/o PE, w/o fever")).containsExactly(
                "s/p", "CABG", "h/o", "MI", "r/o", "PE", "w/o", "fever");
        assertThat(texts("HTN/DM/CKD")).containsExactly("HTN", "DM", "CKD");
    }

    @Test
    void givenHyphensDecimalsAndDottedAbbreviations_whenTokenized_thenTheyFollowTheJoiningRules() {
        assertThat(texts("non-small-cell COVID-19")).containsExactly("non", "small", "cell", "COVID", "19");
        assertThat(texts("metformin 2.5 mg p.o. b.i.d.")).containsExactly("metformin", "2.5", "mg", "p.o", "b.i.d");
        assertThat(texts("fever.Chills 1.HTN")).containsExactly("fever", "Chills", "1", "HTN");
    }

    @Test
    void givenARegion_whenTokenized_thenOffsetsStayRelativeToTheWholeText() {
        String text = "no fever today";

        List<Token> tokens = Tokenizer.tokenize(text, 3, 8);

        assertThat(tokens).containsExactly(new Token(3, 8, "fever", "fever"));
    }

    @Test
    void givenNoWords_whenTokenized_thenThereAreNoTokens() {
        assertThat(Tokenizer.tokenize("")).isEmpty();
        assertThat(Tokenizer.tokenize(" ;-- , \n\t ")).isEmpty();
    }

    @Test
    void givenNonAsciiText_whenTokenized_thenUnicodeLettersAreWordsAndNfkcIsApplied() {
        String text = "\ufb01brosis \uff28\uff34\uff2e Sj\u00f6gren \ud83d\ude00 caf\u0065\u0301";

        List<Token> tokens = Tokenizer.tokenize(text);

        assertThat(tokens).extracting(Token::norm).containsExactly("fibrosis", "htn", "sj\u00f6gren", "caf\u00e9");
        assertThat(tokens.get(3).text()).isEqualTo("caf\u0065\u0301");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "cancers, cancer",
        "Diabetes, diabetes",
        "arteries, artery",
        "abscesses, abscess",
        "viruses, virus",
        "headaches, headache",
        "rashes, rash",
        "diseases, disease",
        "kidneys, kidney",
        "sepsis, sepsis",
        "psoriasis, psoriasis",
        "abscess, abscess",
        "pancreas, pancreas",
        "herpes, herpes",
        "rabies, rabies",
        "AIDS, aids",
        "DVTs, dvt",
        "Crohn's, crohn",
        "Crohn\u2019s, crohn",
        "gas, gas",
        "denies, deny",
    })
    void givenAWord_whenNormalised_thenPluralsAndPossessivesFold(String word, String norm) {
        assertThat(Tokenizer.tokenize(word)).singleElement().extracting(Token::norm).isEqualTo(norm);
    }

    @Test
    void givenPhrases_whenNormalised_thenTokenNormsAreJoinedBySingleSpaces() {
        assertThat(Normalizer.normalize("  Diabetes   Mellitus, Type 2 ")).isEqualTo("diabetes mellitus type 2");
        assertThat(Normalizer.normalize("Alzheimer's Disease")).isEqualTo(Normalizer.normalize("alzheimer disease"));
        assertThat(Normalizer.normalize("Non-Small Cell Lung Cancers")).isEqualTo("non small cell lung cancer");
        assertThat(Normalizer.normalize("--")).isEmpty();
    }

    private static List<String> texts(String text) {
        return Tokenizer.tokenize(text).stream().map(Token::text).toList();
    }
}
