package io.linkrx.extract.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.SemanticType;
import io.linkrx.text.Token;

class DocumentEncoderTest {
    private static final TaggerDictionary DICTIONARY = TaggerDictionary.of(List.of(
            new DictionaryEntry("D1", "hereditary nonpolyposis colorectal cancer", SemanticType.DISEASE),
            new DictionaryEntry("D2", "colorectal cancer", SemanticType.DISEASE),
            new DictionaryEntry("C1", "cisplatin", SemanticType.CHEMICAL)));
    private final DocumentEncoder encoder = new DocumentEncoder(DICTIONARY);

    @Test
    void givenADefinedAbbreviation_whenEncoded_thenItsUsesInLaterSentencesCarryTheLongFormsFeatures() {
        String text = "Hereditary nonpolyposis colorectal cancer (HNPCC) is dominant. Ten HNPCC families and "
                + "HNPCCs were seen.";

        List<EncodedSentence> sentences = encoder.encode(text).sentences();

        assertThat(sentences).hasSize(2);
        EncodedSentence second = sentences.get(1);
        List<String> hnpcc = featuresOf(second, "HNPCC");
        assertThat(hnpcc).contains("ab", "ab.lf=DISEASE", "ab.h=cancer", "ab.hs4=ncer");
        assertThat(featuresOf(second, "HNPCCs")).doesNotContain("ab"); // not the short form as a whole token
        assertThat(featuresOf(sentences.get(0), "HNPCC")).contains("ab");
        assertThat(featuresOf(sentences.get(0), "colorectal")).contains("lf", "d.DISEASE=I")
                .doesNotContain("ab");
    }

    @Test
    void givenDictionaryNames_whenEncoded_thenTheLongestMatchGivesBeginAndInsideTags() {
        EncodedSentence s = encoder.encode("Cisplatin for hereditary nonpolyposis colorectal cancer.").sentences().get(0);

        assertThat(featuresOf(s, "Cisplatin")).contains("d.CHEMICAL=B", "d.DISEASE=O", "d+1.CHEMICAL=O", "cap");
        assertThat(featuresOf(s, "hereditary")).contains("d.DISEASE=B", "d-1.DISEASE=O", "d+1.DISEASE=I");
        assertThat(featuresOf(s, "colorectal")).contains("d.DISEASE=I");
        assertThat(featuresOf(s, ".")).contains("d.DISEASE=O", "w-1=cancer", "w+1=</s>");
    }

    @Test
    void givenABritishSpelling_whenEncoded_thenItMeetsTheAmericanDictionaryNameAndWordFeatures() {
        TaggerDictionary names = TaggerDictionary.of(List.of(new DictionaryEntry("D3", "edema", SemanticType.DISEASE)));

        EncodedSentence s = new DocumentEncoder(names).encode("Marked oedema was seen.").sentences().get(0);

        assertThat(featuresOf(s, "oedema")).contains("w=edema", "d.DISEASE=B", "w-1|w=marked|edema");
        assertThat(featuresOf(s, "was")).contains("w-1=edema");
    }

    @Test
    void givenAWord_whenEncoded_thenShapeAffixAndNeighbourFeaturesArePresent() {
        EncodedSentence s = encoder.encode("Low G6PD-deficient counts").sentences().get(0);

        assertThat(featuresOf(s, "G6PD")).contains("b", "w=g6pd", "sh=XdXX", "ssh=XdX", "allcaps", "digit", "hyA",
                "p2=g6", "s3=6pd", "w-1=low", "w+1=-", "w+2=deficient", "w-2=<s>", "w-1|w=low|g6pd");
        assertThat(featuresOf(s, "deficient")).contains("hyB", "sh=xxxx", "ssh=x", "s4=ient");
        assertThat(featuresOf(s, "counts")).contains("n=count");
    }

    private static List<String> featuresOf(EncodedSentence s, String token) {
        for (int i = 0; i < s.tokens().size(); i++) {
            Token t = s.tokens().get(i);
            if (t.text().equals(token)) {
                return s.features().get(i);
            }
        }
        throw new AssertionError("no token " + token);
    }
}
