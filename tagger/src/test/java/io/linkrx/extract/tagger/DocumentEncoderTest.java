package io.linkrx.extract.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

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
    void givenNamesWithTreeBranches_whenEncoded_thenTheMatchedConceptsBranchesAreFeaturesOfEveryTokenInTheMatch() {
        TaggerDictionary names = TaggerDictionary.of(List.of(
                new DictionaryEntry("D004359", "dystrophin", SemanticType.CHEMICAL, Set.of("D12.776", "D12.644")),
                new DictionaryEntry("D002945", "cis platin", SemanticType.CHEMICAL, Set.of("D01.695")),
                new DictionaryEntry("D002945b", "cis platin", SemanticType.CHEMICAL, Set.of("D01.210")),
                new DictionaryEntry("C1", "cisplatin", SemanticType.CHEMICAL)));

        EncodedSentence s = new DocumentEncoder(names).encode("Dystrophin and cis platin, not cisplatin.")
                .sentences().get(0);

        assertThat(featuresOf(s, "Dystrophin")).contains("dbr=D12.776", "dbr=D12.644", "dbr1=D12");
        assertThat(featuresOf(s, "platin")).contains("dbr=D01.695", "dbr=D01.210", "dbr1=D01")
                .doesNotContain("dbr=D12.776");
        assertThat(featuresOf(s, "cisplatin")).contains("d.CHEMICAL=B").noneMatch(f -> f.startsWith("dbr"));
        assertThat(featuresOf(s, "and")).noneMatch(f -> f.startsWith("dbr"));
    }

    @Test
    void givenATreeNumber_whenCutToABranch_thenTwoLevelsRemain() {
        assertThat(TaggerDictionary.branch("D12.776.124.486")).isEqualTo("D12.776");
        assertThat(TaggerDictionary.branch("C16.131.260/C538288")).isEqualTo("C16.131");
        assertThat(TaggerDictionary.branch("D27.505")).isEqualTo("D27.505");
        assertThat(TaggerDictionary.branch("C23")).isEqualTo("C23");
    }

    @Test
    void givenAKnowledgeBase_whenItsTaggerDictionaryIsBuilt_thenBranchesComeFromTreeNumbersAndChangeTheFingerprint() {
        io.linkrx.kb.KnowledgeBase withTrees = io.linkrx.kb.KnowledgeBase.of("t", List.of(new io.linkrx.kb.Concept(
                "D004359", "MESH", SemanticType.CHEMICAL, "Dystrophin", List.of(), List.of(), List.of(),
                List.of("D12.776.543.585.400", "D12.776.210"))));
        io.linkrx.kb.KnowledgeBase withoutTrees = io.linkrx.kb.KnowledgeBase.of("t", List.of(new io.linkrx.kb.Concept(
                "D004359", "MESH", SemanticType.CHEMICAL, "Dystrophin", List.of(), List.of(), List.of(), List.of())));
        TaggerDictionary names = TaggerDictionary.of(withTrees);

        List<Token> tokens = TaggerTokenizer.tokenize("dystrophin");

        assertThat(names.match(tokens).branches()).containsExactly(Set.of("D12.776"));
        assertThat(names.fingerprint()).isNotEqualTo(TaggerDictionary.of(withoutTrees).fingerprint());
        assertThat(TaggerDictionary.of(withoutTrees).fingerprint()).isEqualTo(TaggerDictionary.of(List.of(
                new DictionaryEntry("D004359", "Dystrophin", SemanticType.CHEMICAL))).fingerprint());
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
