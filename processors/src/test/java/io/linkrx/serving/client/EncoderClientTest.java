package io.linkrx.serving.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The encoder client against a real gRPC server running the deterministic trigram encoder. */
class EncoderClientTest {
    static final List<String> TEXTS = List.of("β-blocker", "café au lait spots", "MS");
    static final ClientPolicy POLICY = new ClientPolicy(Duration.ofSeconds(10), RetryPolicy.retries(2),
            new BreakerPolicy(2, 1.0, 20, Duration.ofSeconds(5)));

    final InProcessSidecar sidecar = new InProcessSidecar().start();
    final TrigramEncoderService server = sidecar.service;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ManualTicker ticker = new ManualTicker();

    EncoderClient encoder(ClientPolicy policy, int maxBatch) {
        return new EncoderClient(sidecar.client(policy, registry, ticker), TrigramEncoderService.MODEL, maxBatch);
    }

    @AfterEach
    void stop() throws InterruptedException {
        sidecar.close();
    }

    double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void givenUtf8Texts_whenEmbedded_thenTheServerSeesTheTextsAndTheRowsAreItsVectors() {
        try (EncoderClient encoder = encoder(POLICY, 0)) {
            Embeddings embeddings = encoder.embed(TEXTS);

            assertThat(server.batches).containsExactly(TEXTS);
            assertThat(embeddings.modelVersion()).isEqualTo("1");
            assertThat(embeddings.size()).isEqualTo(3);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertThat(embeddings.get(i)).containsExactly(TrigramEncoderService.embed(TEXTS.get(i)));
            }
            assertThat(embeddings.cosine(0, 0)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(count("linkrx.sidecar.calls", "outcome", "ok", "model", "encoder")).isEqualTo(1);
        }
    }

    @Test
    void givenAServerAnsweringWithTypedContents_whenEmbedded_thenTheyAreDecodedAlike() {
        server.typedOutputs = true;
        server.version = "7";
        try (EncoderClient encoder = encoder(POLICY, 0)) {
            Embeddings embeddings = encoder.embed(TEXTS);

            assertThat(embeddings.get(1)).containsExactly(TrigramEncoderService.embed(TEXTS.get(1)));
            assertThat(embeddings.modelVersion()).isEqualTo("7");
        }
    }

    @Test
    void givenAMaxBatch_whenEmbeddingMore_thenRequestsAreSplitAndRowsKeepTheirOrder() {
        List<String> texts = List.of("a1", "b2", "c3", "d4", "e5");
        try (EncoderClient encoder = encoder(POLICY, 2)) {
            Embeddings embeddings = encoder.embed(texts);

            assertThat(server.batches).containsExactly(List.of("a1", "b2"), List.of("c3", "d4"), List.of("e5"));
            assertThat(embeddings.get(4)).containsExactly(TrigramEncoderService.embed("e5"));
        }
    }

    @Test
    void givenNoTexts_whenEmbedded_thenNoCallIsMade() {
        try (EncoderClient encoder = encoder(POLICY, 0)) {
            assertThat(encoder.embed(List.of()).size()).isZero();
            assertThat(server.inferCalls).hasValue(0);
        }
    }

    @Test
    void givenTransientFailures_whenEmbedding_thenTheCallIsRetriedAndSucceeds() {
        server.failNext(1, Status.UNAVAILABLE);
        try (EncoderClient encoder = encoder(POLICY, 0)) {
            encoder.embed(TEXTS);
            server.failNext(2, Status.RESOURCE_EXHAUSTED);
            Embeddings embeddings = encoder.embed(TEXTS);

            assertThat(embeddings.size()).isEqualTo(3);
            assertThat(server.inferCalls).hasValue(2 + 3);
            assertThat(count("linkrx.sidecar.retries")).isEqualTo(3);
            assertThat(count("linkrx.sidecar.calls", "outcome", "ok")).isEqualTo(2);
            assertThat(encoder.client().breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Test
    void givenAPersistentTransientFailure_whenEmbedding_thenItGivesUpAfterMaxAttempts() {
        server.failAll(Status.RESOURCE_EXHAUSTED);
        try (EncoderClient encoder = encoder(POLICY, 0)) {
            InferenceException e = catchThrowableOfType(InferenceException.class, () -> encoder.embed(TEXTS));

            assertThat(e.reason()).isEqualTo(InferenceException.Reason.FAILED);
            assertThat(e.code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(server.inferCalls).hasValue(3);
            assertThat(count("linkrx.sidecar.calls", "outcome", "resource_exhausted")).isEqualTo(1);
        }
    }

    @Test
    void givenAnUnknownModel_whenEmbedding_thenItFailsWithoutRetrying() {
        try (EncoderClient encoder = new EncoderClient(sidecar.client(POLICY, registry, ticker), "no-such-model", 0)) {
            InferenceException e = catchThrowableOfType(InferenceException.class, () -> encoder.embed(TEXTS));

            assertThat(e.code()).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(server.inferCalls).hasValue(1);
            assertThat(encoder.ready()).isFalse();
        }
    }

    @Test
    void givenAServerEchoingItsInput_whenTheCallFails_thenTheErrorCarriesNoText() {
        server.failAll(Status.INVALID_ARGUMENT.withDescription("cannot parse 'patient is HIV positive'"));
        try (EncoderClient encoder = encoder(POLICY, 0)) {
            InferenceException e = catchThrowableOfType(InferenceException.class, () -> encoder.embed(List.of("patient is HIV positive")));

            assertThat(e).hasMessageNotContaining("HIV").hasNoCause();
            assertThat(e.getMessage()).contains("INVALID_ARGUMENT", "encoder");
        }
    }

    @Test
    void givenWrongTensors_whenEmbedding_thenItIsABadResponseThatCountsTowardsTheBreaker() {
        server.wrongShape = true;
        try (EncoderClient encoder = encoder(POLICY, 0)) {
            InferenceException first = catchThrowableOfType(InferenceException.class, () -> encoder.embed(TEXTS));
            catchThrowableOfType(InferenceException.class, () -> encoder.embed(TEXTS));
            InferenceException third = catchThrowableOfType(InferenceException.class, () -> encoder.embed(TEXTS));

            assertThat(first.reason()).isEqualTo(InferenceException.Reason.BAD_RESPONSE);
            assertThat(first).hasMessageContaining("expected [3, H]");
            assertThat(third.reason()).isEqualTo(InferenceException.Reason.REJECTED);
            assertThat(server.inferCalls).as("the open breaker made no call").hasValue(2);
            assertThat(registry.get("linkrx.sidecar.breaker.state").gauge().value()).isEqualTo(2.0);
            assertThat(count("linkrx.sidecar.calls", "outcome", "rejected")).isEqualTo(1);
            assertThat(count("linkrx.sidecar.breaker.transitions", "to", "open")).isEqualTo(1);
        }
    }

    @Test
    void givenASlowServer_whenTheDeadlinePasses_thenTheCallFailsWithoutWaitingForTheServer() {
        CountDownLatch release = new CountDownLatch(1);
        server.hold = release;
        ClientPolicy tight = new ClientPolicy(Duration.ofMillis(100), RetryPolicy.retries(2), BreakerPolicy.defaults());
        try (EncoderClient encoder = encoder(tight, 0)) {
            InferenceException e = catchThrowableOfType(InferenceException.class, () -> encoder.embed(TEXTS));

            assertThat(e.code()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
            assertThat(release.getCount()).as("the server is still holding the call").isEqualTo(1);
            assertThat(server.inferCalls).as("a timeout is not retried").hasValue(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void givenAServer_whenAskedForReadiness_thenItAnswersAndSaysFalseOnceStopped() throws Exception {
        try (EncoderClient encoder = encoder(POLICY, 0)) {
            assertThat(encoder.client().serverReady()).isTrue();
            assertThat(encoder.ready()).isTrue();

            sidecar.stop();

            assertThat(encoder.client().serverReady()).isFalse();
            assertThat(encoder.ready()).isFalse();
        }
    }

    @Test
    void givenASidecarOnALoopbackPort_whenConnectedByHostAndPort_thenEmbeddingWorksOverNetty() throws Exception {
        Server netty = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(server).build().start();
        String target = "127.0.0.1:" + netty.getPort();
        try (EncoderClient encoder = new EncoderClient(
                new InferenceClient(SidecarChannels.open(target, false, ""), target, POLICY, registry), "encoder", 0)) {
            Embeddings embeddings = encoder.embed(TEXTS);

            assertThat(embeddings.get(2)).containsExactly(TrigramEncoderService.embed("MS"));
            assertThat(encoder.client().serverReady()).isTrue();
        } finally {
            netty.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
