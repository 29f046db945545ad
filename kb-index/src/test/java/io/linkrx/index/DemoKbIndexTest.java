package io.linkrx.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.retrieve.Candidate;
import io.linkrx.retrieve.LexicalCandidateRetriever;
import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.InProcessSidecar;
import io.linkrx.serving.client.TrigramEncoderService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo KB (~650 real concepts) through the index. */
class DemoKbIndexTest {
    static final KnowledgeBase KB = KnowledgeBase.load("classpath:linkrx/demo/kb.tsv");

    @TempDir
    Path dir;

    @Test
    void givenEveryNameOfEveryConcept_whenSearched_thenItsConceptIsAmongTheExactMatches() {
        try (KbIndex index = KbIndex.open(TestKb.build(new KbIndexBuilder(KB), dir.resolve("ix")))) {
            for (Concept c : KB.concepts()) {
                for (String name : c.names()) {
                    assertThat(index.lexical(name, c.type(), 10)).as(c.id())
                            .anySatisfy(h -> {
                                assertThat(h.conceptId()).isEqualTo(c.id());
                                assertThat(h.lexicalScore()).isEqualTo(1.0);
                            });
                }
            }
        }
    }

    @Test
    void givenTypos_whenSearched_thenTheIndexAgreesWithTheInMemoryRetrieverOnTheTopConcept() {
        LexicalCandidateRetriever memory = new LexicalCandidateRetriever(KB);
        Random random = new Random(7);
        int agree = 0;
        int total = 0;
        try (KbIndex index = KbIndex.open(TestKb.build(new KbIndexBuilder(KB), dir.resolve("ix")))) {
            for (Concept c : KB.concepts()) {
                String mention = typo(c.preferredName(), random);
                List<Candidate> expected = memory.retrieve(mention, c.type(), 1);
                List<IndexHit> actual = index.lexical(mention, c.type(), 3);
                total++;
                if (!expected.isEmpty() && actual.stream().anyMatch(h -> h.conceptId().equals(expected.get(0).conceptId()))) {
                    agree++;
                }
            }
        }
        // the word cosine (absent in memory) may reorder near-ties; the concept must stay in the top 3
        assertThat((double) agree / total).isGreaterThan(0.97);
    }

    @Test
    void givenABuiltIndex_whenReopened_thenEveryResultIsIdentical() throws InterruptedException {
        List<String> mentions = new ArrayList<>();
        Random random = new Random(11);
        KB.concepts().stream().limit(80).forEach(c -> mentions.add(typo(c.preferredName(), random)));
        Path ix = dir.resolve("ix");
        List<List<IndexHit>> first = new ArrayList<>();
        List<List<IndexHit>> second = new ArrayList<>();
        try (InProcessSidecar sidecar = new InProcessSidecar().start(); EncoderClient encoder = Sidecars.encoder(sidecar)) {
            TestKb.build(new KbIndexBuilder(KB).withEmbedder(new SidecarTextEmbedder(encoder), 64), ix);
        }
        try (KbIndex index = KbIndex.open(ix)) {
            mentions.forEach(m -> first.add(search(index, m)));
        }
        try (KbIndex index = KbIndex.open(ix)) {
            mentions.forEach(m -> second.add(search(index, m)));
        }

        assertThat(second).isEqualTo(first);
        assertThat(first).allSatisfy(hits -> assertThat(hits).isNotEmpty());
    }

    @Test
    void givenOneIndex_whenQueriedFromManyThreads_thenEveryThreadGetsTheSequentialResults() throws Exception {
        List<String> mentions = new ArrayList<>();
        Random random = new Random(3);
        KB.concepts().forEach(c -> mentions.add(typo(c.preferredName(), random)));
        try (KbIndex index = KbIndex.open(TestKb.build(new KbIndexBuilder(KB), dir.resolve("ix")))) {
            List<List<IndexHit>> expected = mentions.stream().map(m -> index.lexical(m, null, 5)).toList();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<List<IndexHit>>>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    runs.add(pool.submit(() -> mentions.stream().map(m -> index.lexical(m, null, 5)).toList()));
                }
                for (Future<List<List<IndexHit>>> run : runs) {
                    assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<IndexHit> search(KbIndex index, String mention) {
        List<IndexHit> hits = new ArrayList<>(index.lexical(mention, null, 5));
        hits.addAll(index.dense(TrigramEncoderService.embed(mention), null, 5));
        return hits;
    }

    /** Lower case with one letter replaced. */
    static String typo(String name, Random random) {
        char[] chars = name.toLowerCase(Locale.ROOT).toCharArray();
        int at = random.nextInt(chars.length);
        if (Character.isLetter(chars[at])) {
            chars[at] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }
}
