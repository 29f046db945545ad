package io.linkrx.serving.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.serving.model.ModelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search itself, with language models written in Java (no ONNX). */
class ConstrainedBeamSearchTest {
    private final WordTokenizer tokenizer = new WordTokenizer(true);
    private final List<KbName> names = List.of(
        new KbName("D003920", "Disease", "Diabetes Mellitus"),
        new KbName("D003924", "Disease", "Diabetes Mellitus, Type 2"),
        new KbName("D003924", "Disease", "type 2 diabetes"),
        new KbName("D003922", "Disease", "Diabetes Mellitus, Type 1"),
        new KbName("D006973", "Disease", "Hypertension"),
        new KbName("D006973", "Disease", "high blood pressure"),
        new KbName("DB00331", "Drug", "Metformin"));
    private final Vocabulary vocab = Vocabulary.withSpecials(List.of("diabetes", "mellitus", ",", "type", "2", "1",
        "hypertension", "high", "blood", "pressure", "metformin", "garbage", "noise"));
    private final NameTrie trie = NameTrie.build(names, vocab, tokenizer);

    private ConstrainedBeamSearch search(int beam, int k, boolean dedupe) {
        return new ConstrainedBeamSearch(trie, tokenizer, new ConstrainedBeamSearch.Settings(beam, k, 1.0, 64, dedupe, 64));
    }

    /** Prefers "garbage" and "noise" by far, then a fixed preference per token; never <eos>. */
    private final ConstrainedBeamSearch.LanguageModel garbageLm = seqs -> {
        float[][] out = new float[seqs.length][vocab.size()];
        for (float[] row : out) {
            for (int v = 0; v < row.length; v++) {
                row[v] = -0.1f * v;
            }
            row[vocab.id("garbage")] = 20f;
            row[vocab.id("noise")] = 19f;
            row[vocab.eos()] = -5f;
        }
        return out;
    };

    @Test
    void everyResultIsAnExactKbNameEvenWhenTheLmWantsGarbage() throws ModelException {
        ConstrainedBeamSearch s = search(4, 10, false);
        int[] free = s.greedyUnconstrained("anything", 6, garbageLm);
        assertThat(s.render(free)).isEqualTo("garbage garbage garbage garbage garbage garbage");
        assertThat(trie.isName(free)).isFalse();

        List<ConstrainedBeamSearch.Hit> hits = s.search(
            List.of(new ConstrainedBeamSearch.Query("anything", NameTrie.TypeFilter.ANY)), garbageLm).get(0);
        assertThat(hits).isNotEmpty();
        List<String> kbNames = names.stream().map(KbName::name).toList();
        for (ConstrainedBeamSearch.Hit h : hits) {
            assertThat(trie.isName(h.tokens())).isTrue();
            assertThat(kbNames).contains(h.name());
            assertThat(h.score()).isFinite();
        }
    }

    @Test
    void resultsAreSortedByLengthNormalisedScore() throws ModelException {
        List<ConstrainedBeamSearch.Hit> hits = search(5, 10, false).search(
            List.of(new ConstrainedBeamSearch.Query("x", NameTrie.TypeFilter.ANY)), garbageLm).get(0);
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
        for (ConstrainedBeamSearch.Hit h : hits) {
            assertThat(h.score()).isCloseTo(h.logProb() / (h.tokens().length + 1), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /** Scores every sequence by how many times its last token equals a target path: a deterministic oracle LM. */
    private ConstrainedBeamSearch.LanguageModel oracle(String targetName) {
        int[] target = tokenizer.tokenize(targetName).stream().mapToInt(vocab::id).toArray();
        return seqs -> {
            float[][] out = new float[seqs.length][vocab.size()];
            for (int b = 0; b < seqs.length; b++) {
                long[] seq = seqs[b];
                int sep = 0;
                while (seq[sep] != vocab.sep()) {
                    sep++;
                }
                int pos = seq.length - sep - 1;   // name tokens generated so far
                int want = pos < target.length ? target[pos] : vocab.eos();
                out[b][want] = 10f;
            }
            return out;
        };
    }

    @Test
    void followsTheLmWithinTheTrieAndMapsToConcepts() throws ModelException {
        for (KbName n : names) {
            List<ConstrainedBeamSearch.Hit> hits = search(3, 3, true).search(
                List.of(new ConstrainedBeamSearch.Query("", NameTrie.TypeFilter.ANY)), oracle(n.name())).get(0);
            assertThat(hits.get(0).name()).isEqualTo(n.name());
            assertThat(hits.get(0).conceptIds()).containsExactly(n.conceptId());
        }
    }

    @Test
    void dedupeKeepsTheBestNameOfEachConcept() throws ModelException {
        ConstrainedBeamSearch.LanguageModel lm = oracle("type 2 diabetes");
        List<ConstrainedBeamSearch.Hit> all = search(8, 10, false).search(
            List.of(new ConstrainedBeamSearch.Query("", NameTrie.TypeFilter.ANY)), lm).get(0);
        List<ConstrainedBeamSearch.Hit> deduped = search(8, 10, true).search(
            List.of(new ConstrainedBeamSearch.Query("", NameTrie.TypeFilter.ANY)), lm).get(0);
        List<List<String>> ids = new ArrayList<>();
        deduped.forEach(h -> ids.add(h.conceptIds()));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(all.size()).isGreaterThan(deduped.size());
        assertThat(deduped.get(0).name()).isEqualTo("type 2 diabetes");
    }

    @Test
    void semanticTypeFilterAndBatchingAcrossRequests() throws ModelException {
        List<List<ConstrainedBeamSearch.Hit>> out = search(5, 5, true).search(List.of(
            new ConstrainedBeamSearch.Query("first prompt", trie.filter(List.of("Drug"))),
            new ConstrainedBeamSearch.Query("a much longer second prompt here", trie.filter(List.of("Disease"))),
            new ConstrainedBeamSearch.Query("third", trie.filter(List.of("Nothing")))), garbageLm);
        assertThat(out.get(0)).extracting(ConstrainedBeamSearch.Hit::name).containsExactly("Metformin");
        assertThat(out.get(1)).isNotEmpty().allSatisfy(h -> assertThat(h.conceptIds().get(0)).startsWith("D00"));
        assertThat(out.get(2)).isEmpty();
    }

    @Test
    void promptIsFramedAndTruncated() {
        ConstrainedBeamSearch s = new ConstrainedBeamSearch(trie, tokenizer,
            new ConstrainedBeamSearch.Settings(2, 2, 1.0, 2, true, 8));
        assertThat(s.promptPrefix("Hypertension treated with zzz"))
            .containsExactly(vocab.bos(), vocab.id("hypertension"), vocab.unk(), vocab.sep());
    }
}
