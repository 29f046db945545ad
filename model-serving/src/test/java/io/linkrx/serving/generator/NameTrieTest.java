package io.linkrx.serving.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameTrieTest {
    private final WordTokenizer tokenizer = new WordTokenizer(true);
    private final List<KbName> names = List.of(
        new KbName("D003920", "Disease", "Diabetes Mellitus"),
        new KbName("D003924", "Disease", "Diabetes Mellitus, Type 2"),
        new KbName("D003922", "Disease", "Diabetes Mellitus, Type 1"),
        new KbName("D009103", "Disease", "MS"),
        new KbName("D008946", "Disease", "MS"),
        new KbName("DB00331", "Drug", "Metformin"),
        new KbName("X1", "Drug", "Metformin \u00e9clair"));   // a token outside the vocabulary below
    private final Vocabulary vocab = Vocabulary.withSpecials(
        List.of("diabetes", "mellitus", ",", "type", "2", "1", "ms", "metformin"));
    private final NameTrie trie = NameTrie.build(names, vocab, tokenizer);

    private int[] ids(String text) {
        return tokenizer.tokenize(text).stream().mapToInt(vocab::id).toArray();
    }

    @Test
    void tokenizerSplitsWordsAndPunctuation() {
        assertThat(tokenizer.tokenize("Diabetes Mellitus, Type 2")).containsExactly("diabetes", "mellitus", ",", "type", "2");
        assertThat(tokenizer.tokenize("non-insulin-dependent  T2DM")).containsExactly("non", "-", "insulin", "-", "dependent", "t2dm");
        assertThat(new WordTokenizer(false).tokenize("Type 2")).containsExactly("Type", "2");
    }

    @Test
    void allowsOnlyContinuationsOfKbNames() {
        NameTrie.Node root = trie.root();
        assertThat(trie.allowed(root, NameTrie.TypeFilter.ANY))
            .containsExactlyInAnyOrder(vocab.id("diabetes"), vocab.id("ms"), vocab.id("metformin"));
        NameTrie.Node dm = trie.find(ids("diabetes mellitus"));
        // a complete name that is also a prefix: <eos> and "," are both valid
        assertThat(trie.allowed(dm, NameTrie.TypeFilter.ANY)).containsExactlyInAnyOrder(vocab.id(","), vocab.eos());
        assertThat(trie.allowed(trie.find(ids("diabetes mellitus , type")), NameTrie.TypeFilter.ANY))
            .containsExactlyInAnyOrder(vocab.id("1"), vocab.id("2"));
        assertThat(trie.allowed(trie.find(ids("diabetes")), NameTrie.TypeFilter.ANY)).containsExactly(vocab.id("mellitus"));
        assertThat(trie.isName(ids("diabetes mellitus , type 2"))).isTrue();
        assertThat(trie.isName(ids("diabetes mellitus , type"))).isFalse();
        assertThat(trie.find(ids("mellitus"))).isNull();
        assertThat(trie.maxDepth()).isEqualTo(5);
    }

    @Test
    void sharedNamesMapToEveryConcept() {
        assertThat(trie.entries(trie.find(ids("ms")), NameTrie.TypeFilter.ANY))
            .extracting(KbName::conceptId).containsExactly("D009103", "D008946");
    }

    @Test
    void semanticTypeFilterPrunesTheTrie() {
        NameTrie.TypeFilter drug = trie.filter(List.of("drug"));   // case-insensitive
        assertThat(trie.allowed(trie.root(), drug)).containsExactly(vocab.id("metformin"));
        assertThat(trie.allowed(trie.find(ids("metformin")), drug)).containsExactly(vocab.eos());
        NameTrie.TypeFilter disease = trie.filter(List.of("Disease"));
        assertThat(trie.allowed(trie.find(ids("metformin")), disease)).isEmpty();
        assertThat(trie.allowed(trie.root(), trie.filter(List.of("Procedure")))).isEmpty();
        assertThat(trie.allowed(trie.root(), trie.filter(List.of("Drug", "Disease")))).hasSize(3);
        assertThat(trie.semanticTypes()).containsExactly("disease", "drug");
    }

    @Test
    void namesWithUnknownTokensAreSkippedNotMangled() {
        assertThat(trie.skipped()).extracting(KbName::conceptId).containsExactly("X1");
        assertThat(trie.nameCount()).isEqualTo(6);
        assertThat(trie.allowed(trie.find(ids("metformin")), NameTrie.TypeFilter.ANY)).containsExactly(vocab.eos());
    }
}
