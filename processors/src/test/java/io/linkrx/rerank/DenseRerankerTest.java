package io.linkrx.rerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Status;
import io.linkrx.assertion.Assertion;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;
import io.linkrx.retrieve.Candidate;
import io.linkrx.serving.client.BreakerPolicy;
import io.linkrx.serving.client.CircuitBreaker;
import io.linkrx.serving.client.ClientPolicy;
import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.InProcessSidecar;
import io.linkrx.serving.client.ManualTicker;
import io.linkrx.serving.client.RetryPolicy;
import io.linkrx.serving.client.TrigramEncoderService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dense re-ranking against a real in-process gRPC sidecar serving a deterministic trigram encoder. */
class DenseRerankerTest {
    static final Duration OPEN_FOR = Duration.ofSeconds(30);
    static final int FAILURES_TO_OPEN = 3;
    static final ClientPolicy POLICY = new ClientPolicy(Duration.ofSeconds(10), RetryPolicy.retries(1),
            new BreakerPolicy(FAILURES_TO_OPEN, 1.0, 20, OPEN_FOR));
    static final int CONTEXT_CHARS = 64;

    static final Candidate MULTIPLE_SCLEROSIS = candidate("D009103", "Multiple Sclerosis", 0.8);
    static final Candidate MITRAL_STENOSIS = candidate("D008946", "Mitral Valve Stenosis", 0.8);
    static final String CARDIOLOGY = "Harsh diastolic murmur at the apex; echo shows MS with a mitral valve area of 1.2 cm2.";
    static final String NEUROLOGY = "Relapsing MS with new periventricular lesions, multiple relapses since 2019.";

    final InProcessSidecar sidecar = new InProcessSidecar().start();
    final TrigramEncoderService server = sidecar.service;
    final ManualTicker ticker = new ManualTicker();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DenseReranker reranker = reranker(POLICY);

    DenseReranker reranker(ClientPolicy policy) {
        return reranker(policy, registry);
    }

    DenseReranker reranker(ClientPolicy policy, SimpleMeterRegistry meters) {
        return new DenseReranker(new EncoderClient(sidecar.client(policy, meters, ticker), "encoder", 0),
                0.5, CONTEXT_CHARS, ScoreOrderedReranker.DEFAULT_NIL_THRESHOLD, meters);
    }

    @AfterEach
    void stop() throws InterruptedException {
        reranker.close();
        sidecar.close();
    }

    @Test
    void givenTiedLexicalScores_whenTheContextIsCardiac_thenMitralValveStenosisOutranksMultipleSclerosis() {
        List<MentionCandidates> input = List.of(ms(CARDIOLOGY));

        RerankResult dense = reranker.rerank(CARDIOLOGY, input);
        RerankResult lexical = new ScoreOrderedReranker().rerank(CARDIOLOGY, input);

        assertThat(lexical.mentions().get(0).ranked()).extracting(Candidate::conceptId).containsExactly("D009103", "D008946");
        assertThat(dense.mentions().get(0).ranked()).extracting(Candidate::conceptId).containsExactly("D008946", "D009103");
        assertThat(dense.mentions().get(0).margin()).isPositive();
        assertThat(dense.degraded()).isFalse();
        assertThat(dense.modelVersion()).isEqualTo("dense:encoder@1");
        assertThat(reranker.modelVersion()).isEqualTo("dense:encoder@1");
    }

    @Test
    void givenTiedLexicalScores_whenTheContextIsNeurological_thenMultipleSclerosisComesFirst() {
        RerankResult dense = reranker.rerank(NEUROLOGY, List.of(ms(NEUROLOGY)));

        assertThat(dense.mentions().get(0).ranked()).extracting(Candidate::conceptId).containsExactly("D009103", "D008946");
        assertThat(dense.mentions().get(0).nil()).isFalse();
    }

    @Test
    void givenAMention_whenScored_thenTheScoreIsTheWeightedSumOfLexicalScoreAndCosine() {
        RerankResult dense = reranker.rerank(CARDIOLOGY, List.of(ms(CARDIOLOGY)));

        String seen = new MentionContext(CONTEXT_CHARS).of(CARDIOLOGY, ms(CARDIOLOGY).mention());
        double cosine = dot(TrigramEncoderService.embed(seen), TrigramEncoderService.embed("Mitral Valve Stenosis"));
        assertThat(seen).startsWith("MS | ").contains("murmur", "mitral valve");
        assertThat(dense.mentions().get(0).ranked().get(0).score()).isCloseTo(0.5 * 0.8 + 0.5 * cosine, within(1e-6));
    }

    @Test
    void givenANoteWithSeveralMentions_whenReranked_thenOneEncoderCallCarriesEveryMentionAndEachNameOnce() {
        String note = "MS and HTN noted; no xyzzy; MS again.";
        Mention htn = mention(note, note.indexOf("HTN"), "HTN");
        Mention unknown = mention(note, note.indexOf("xyzzy"), "xyzzy");
        Mention msAgain = mention(note, note.lastIndexOf("MS"), "MS");
        Candidate hypertension = candidate("D006973", "Hypertension", 0.9);

        RerankResult result = reranker.rerank(note, List.of(ms(note),
                new MentionCandidates(htn, List.of(hypertension, MITRAL_STENOSIS)),
                new MentionCandidates(unknown, List.of()),
                new MentionCandidates(msAgain, List.of(MITRAL_STENOSIS, MULTIPLE_SCLEROSIS))));

        assertThat(server.inferCalls).hasValue(1);
        List<String> batch = server.batches.get(0);
        assertThat(batch).hasSize(3 + 3);
        assertThat(batch.subList(3, 6)).containsExactly("Multiple Sclerosis", "Mitral Valve Stenosis", "Hypertension");
        assertThat(result.mentions()).extracting(RankedMention::mention)
                .containsExactly(ms(note).mention(), htn, unknown, msAgain);
        assertThat(result.mentions().get(1).best()).get().extracting(Candidate::conceptId).isEqualTo("D006973");
        assertThat(result.mentions().get(2).nil()).isTrue();
        assertThat(result.degraded()).isFalse();
    }

    @Test
    void givenNamesEmbeddedForAnEarlierNote_whenTheNextNoteHasThem_thenOnlyItsMentionsAreSent() {
        String first = "Known MS.";
        String second = "MS follow-up.";

        reranker.rerank(first, List.of(ms(first)));
        RerankResult result = reranker.rerank(second, List.of(ms(second)));

        assertThat(server.inferCalls).hasValue(2);
        assertThat(server.batches.get(0)).hasSize(1 + 2);
        assertThat(server.batches.get(1)).hasSize(1).allSatisfy(text -> assertThat(text).contains("MS"));
        assertThat(result.modelVersion()).isEqualTo("dense:encoder@1");
    }

    @Test
    void givenAHotSwapBetweenNotes_whenTheAnswerComesFromANewVersion_thenTheNamesAreEmbeddedAgainWithIt() {
        String note = "Known MS.";
        reranker.rerank(note, List.of(ms(note)));
        server.version = "2";

        RerankResult result = reranker.rerank(note, List.of(ms(note)));

        // the mention alone (names cached under version 1), then the names again under version 2
        assertThat(server.batches).hasSize(3);
        assertThat(server.batches.get(1)).hasSize(1);
        assertThat(server.batches.get(2)).containsExactly("Multiple Sclerosis", "Mitral Valve Stenosis");
        assertThat(result.modelVersion()).isEqualTo("dense:encoder@2");
        assertThat(result.degraded()).isFalse();
    }

    @Test
    void givenManyCandidates_whenReranked_thenOnlyTheBestFewAreEmbeddedAndRanked() {
        String note = "Known MS.";
        DenseReranker shortlist = new DenseReranker(new EncoderClient(sidecar.client(POLICY, registry, ticker), "encoder", 0),
                0.5, CONTEXT_CHARS, ScoreOrderedReranker.DEFAULT_NIL_THRESHOLD, 1, 100, registry);

        RerankResult result = shortlist.rerank(note, List.of(ms(note)));

        assertThat(server.batches.get(0)).hasSize(1 + 1);
        assertThat(result.mentions().get(0).ranked()).hasSize(1);
    }

    @Test
    void givenCandidatesWithEqualScores_whenReranked_thenTheirRetrievalOrderIsKept() {
        String note = "Caught a cold last week.";
        Mention cold = mention(note, note.indexOf("cold"), "cold");
        Candidate mesh = new Candidate("D003139", "MESH", "Common Cold", SemanticType.DISEASE, 0.7);
        Candidate other = new Candidate("C0009443", "UMLS", "Common Cold", SemanticType.DISEASE, 0.7);

        RerankResult forward = reranker.rerank(note, List.of(new MentionCandidates(cold, List.of(mesh, other))));
        RerankResult backward = reranker.rerank(note, List.of(new MentionCandidates(cold, List.of(other, mesh))));

        assertThat(forward.mentions().get(0).ranked()).extracting(Candidate::conceptId).containsExactly("D003139", "C0009443");
        assertThat(backward.mentions().get(0).ranked()).extracting(Candidate::conceptId).containsExactly("C0009443", "D003139");
    }

    @Test
    void givenAWeakCandidateWithAnUnrelatedName_whenReranked_thenTheMentionIsNil() {
        String note = "Patient reports zqx.";
        Mention zqx = mention(note, note.indexOf("zqx"), "zqx");

        RerankResult result = reranker.rerank(note, List.of(new MentionCandidates(zqx, List.of(candidate("D001", "Fever", 0.45)))));

        assertThat(result.mentions().get(0).nil()).isTrue();
        assertThat(result.mentions().get(0).ranked().get(0).score()).isLessThan(0.5);
    }

    @Test
    void givenANoteWithoutCandidates_whenReranked_thenNoCallIsMadeAndNothingIsDegraded() {
        String note = "Nothing to link.";

        RerankResult result = reranker.rerank(note, List.of(new MentionCandidates(mention(note, 0, "Nothing"), List.of())));

        assertThat(server.inferCalls).hasValue(0);
        assertThat(result.degraded()).isFalse();
        assertThat(result.mentions()).singleElement().extracting(RankedMention::nil).isEqualTo(true);
    }

    @Test
    void givenAStoppedSidecar_whenReranked_thenTheNoteIsRankedLexicallyAndMarkedDegraded() throws Exception {
        sidecar.stop();
        List<MentionCandidates> input = List.of(ms(CARDIOLOGY));

        RerankResult result = reranker.rerank(CARDIOLOGY, input);

        assertThat(result.degraded()).isTrue();
        assertThat(result.modelVersion()).isEqualTo(ScoreOrderedReranker.MODEL_VERSION);
        assertThat(result.mentions()).isEqualTo(new ScoreOrderedReranker().rerank(CARDIOLOGY, input).mentions());
        assertThat(registry.get("linkrx.rerank.notes").tag("outcome", "degraded").counter().count()).isEqualTo(1);
    }

    @Test
    void givenAFailingSidecar_whenTheBreakerOpens_thenNoMoreCallsReachItUntilAProbeAfterTheCoolDown() {
        server.failAll(Status.UNAVAILABLE);
        for (int i = 0; i < FAILURES_TO_OPEN; i++) {
            assertThat(reranker.rerank(CARDIOLOGY, List.of(ms(CARDIOLOGY))).degraded()).isTrue();
        }
        int callsWhenOpened = server.inferCalls.get();
        assertThat(callsWhenOpened).as("each note tried twice (one retry)").isEqualTo(FAILURES_TO_OPEN * 2);
        assertThat(breaker()).isEqualTo(CircuitBreaker.State.OPEN);

        server.heal();
        for (int i = 0; i < 20; i++) {
            assertThat(reranker.rerank(CARDIOLOGY, List.of(ms(CARDIOLOGY))).degraded()).isTrue();
        }
        assertThat(server.inferCalls).as("the open breaker let nothing through").hasValue(callsWhenOpened);

        ticker.advance(OPEN_FOR);
        RerankResult probed = reranker.rerank(CARDIOLOGY, List.of(ms(CARDIOLOGY)));

        assertThat(probed.degraded()).isFalse();
        assertThat(probed.mentions().get(0).best()).get().extracting(Candidate::conceptId).isEqualTo("D008946");
        assertThat(server.inferCalls).hasValue(callsWhenOpened + 1);
        assertThat(breaker()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void givenASidecarThatDiesAndComesBack_whenNotesKeepComing_thenDenseRankingResumesByItself() throws Exception {
        assertThat(reranker.rerank(CARDIOLOGY, List.of(ms(CARDIOLOGY))).degraded()).isFalse();
        sidecar.stop();
        for (int i = 0; i < FAILURES_TO_OPEN + 5; i++) {
            assertThat(reranker.rerank(CARDIOLOGY, List.of(ms(CARDIOLOGY))).degraded()).isTrue();
        }
        assertThat(breaker()).isEqualTo(CircuitBreaker.State.OPEN);

        sidecar.start();
        assertThat(reranker.rerank(CARDIOLOGY, List.of(ms(CARDIOLOGY))).degraded()).as("still cooling down").isTrue();
        ticker.advance(OPEN_FOR);
        RerankResult resumed = reranker.rerank(CARDIOLOGY, List.of(ms(CARDIOLOGY)));

        assertThat(resumed.degraded()).isFalse();
        assertThat(resumed.modelVersion()).isEqualTo("dense:encoder@1");
        assertThat(breaker()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(reranker.rerank(NEUROLOGY, List.of(ms(NEUROLOGY))).degraded()).isFalse();
    }

    @Test
    void givenASidecarSlowerThanTheDeadline_whenReranked_thenTheNoteIsDegradedWithoutWaitingForIt() {
        reranker.close();
        reranker = reranker(new ClientPolicy(Duration.ofMillis(100), RetryPolicy.retries(2), BreakerPolicy.defaults()),
                new SimpleMeterRegistry());
        CountDownLatch release = new CountDownLatch(1);
        server.hold = release;
        try {
            RerankResult result = reranker.rerank(CARDIOLOGY, List.of(ms(CARDIOLOGY)));

            assertThat(result.degraded()).isTrue();
            assertThat(release.getCount()).as("the sidecar has not answered yet").isEqualTo(1);
            assertThat(server.inferCalls).hasValue(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void givenAWeightOutsideZeroToOne_whenConstructed_thenItIsRefused() {
        EncoderClient encoder = new EncoderClient(sidecar.client(POLICY, new SimpleMeterRegistry(), ticker), "encoder", 0);
        assertThatThrownBy(() -> new DenseReranker(encoder, 1.5, 10, 0.5, registry)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DenseReranker(encoder, 0.5, -1, 0.5, registry)).isInstanceOf(IllegalArgumentException.class);
        encoder.close();
    }

    private CircuitBreaker.State breaker() {
        return CircuitBreaker.State.values()[(int) registry.get("linkrx.sidecar.breaker.state").gauge().value()];
    }

    static MentionCandidates ms(String note) {
        return new MentionCandidates(mention(note, note.indexOf("MS"), "MS"), List.of(MULTIPLE_SCLEROSIS, MITRAL_STENOSIS));
    }

    static Mention mention(String note, int begin, String text) {
        assertThat(note.substring(begin, begin + text.length())).isEqualTo(text);
        return new Mention(begin, begin + text.length(), text, SemanticType.DISEASE, Assertion.PRESENT, null);
    }

    static Candidate candidate(String id, String name, double score) {
        return new Candidate(id, "MESH", name, SemanticType.DISEASE, score);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
