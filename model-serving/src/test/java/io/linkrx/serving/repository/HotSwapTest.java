package io.linkrx.serving.repository;

import static io.linkrx.serving.repository.TestRepos.model;
import static io.linkrx.serving.repository.TestRepos.rowSumConfig;
import static io.linkrx.serving.repository.TestRepos.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.linkrx.serving.batch.RowSumModel;
import io.linkrx.serving.grpc.InferenceService;
import io.linkrx.serving.grpc.OipRequests;
import io.linkrx.serving.grpc.RequestObserver;
import io.linkrx.serving.oip.GRPCInferenceServiceGrpc;
import io.linkrx.serving.oip.ModelInferResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions come, go, get pinned and rolled back while clients keep calling: not one request may fail. */
class HotSwapTest {
    private static final int CLIENTS = 4;

    @TempDir
    Path repo;

    @Test
    void swapsPinsAndRollbacksUnderConcurrentLoadFailNoRequest() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, """
                dynamic_batching { max_queue_delay_microseconds: 1000 }
                parameters { key: "infer_delay_ms" value { string_value: "2" } }
                """), 1);
        int firstLoad = TestRowSumLoader.LOADED.size();
        RecordingListener listener = new RecordingListener();
        ModelRepository repository = new ModelRepository(repo, RepositoryOptions.defaults().withPollInterval(Duration.ofMillis(20)),
                ModelLoaders.discover(), listener);
        repository.poll();
        repository.startPolling();
        String name = InProcessServerBuilder.generateName();
        Server server = InProcessServerBuilder.forName(name)
                .addService(new InferenceService(repository, RequestObserver.NONE, 64 << 20, "test")).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).build();

        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<String> mismatches = new CopyOnWriteArrayList<>();
        Map<String, AtomicLong> answeredBy = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            final int client = c;
            Thread t = new Thread(() -> {
                GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
                for (int i = 0; !stop.get(); i++) {
                    try {
                        float v = client * 1000 + i;
                        ModelInferResponse r = stub.withDeadlineAfter(30, TimeUnit.SECONDS)
                                .modelInfer(OipRequests.rows("m", i % 2 == 0, new float[] {v, 1}));
                        if (OipRequests.floats(r, "sum")[0] != v + 1
                                || !Long.toString(OipRequests.longs(r, "version")[0]).equals(r.getModelVersion())) {
                            mismatches.add(r.getModelVersion());
                        }
                        answeredBy.computeIfAbsent(r.getModelVersion(), k -> new AtomicLong()).incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            }, "client-" + c);
            clients.add(t);
            t.start();
        }
        try {
            awaitAnswersFrom(answeredBy, "1");
            version(repo, "m", 2);                        // the poller finds it and swaps
            awaitAnswersFrom(answeredBy, "2");
            version(repo, "m", 3);
            awaitAnswersFrom(answeredBy, "3");
            assertThat(repository.rollback("m")).isEqualTo("2");   // MLOps says: back to 2
            long before = answeredBy.get("2").get();
            await(() -> answeredBy.get("2").get() > before + 20);
            repository.unpin("m");
            long before3 = answeredBy.get("3").get();
            await(() -> answeredBy.get("3").get() > before3 + 20);
            ModelRepositoryTest.deleteTree(repo.resolve("m/3")); // version 3 withdrawn from disk
            await(() -> "2".equals(repository.status("m").orElseThrow().servingVersion()));
            long after = answeredBy.get("2").get();
            await(() -> answeredBy.get("2").get() > after + 20);
        } finally {
            stop.set(true);
            for (Thread t : clients) {
                t.join(30_000);
            }
            channel.shutdownNow();
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        assertThat(failures).isEmpty();
        assertThat(mismatches).isEmpty();
        assertThat(answeredBy.keySet()).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(listener.count("swap m")).isGreaterThanOrEqualTo(5);
        repository.close();
        List<RowSumModel> loaded = TestRowSumLoader.LOADED.subList(firstLoad, TestRowSumLoader.LOADED.size());
        assertThat(loaded).extracting(RowSumModel::version).contains("1", "2", "3");
        for (RowSumModel m : loaded) {
            assertThat(m.misuse()).as("used after close or closed while running: version %s", m.version()).isZero();
            assertThat(m.closed()).as("version %s closed", m.version()).isTrue();
        }
    }

    private static void awaitAnswersFrom(Map<String, AtomicLong> answeredBy, String version) throws InterruptedException {
        await(() -> answeredBy.containsKey(version) && answeredBy.get(version).get() > 20);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(10);
        }
    }
}
