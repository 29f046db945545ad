package io.linkrx.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private final List<DynamicBatcher> batchers = new ArrayList<>();

    @AfterEach
    void close() {
        batchers.forEach(b -> b.close(5, TimeUnit.SECONDS));
    }

    private DynamicBatcher batcher(RowSumModel model, BatchPolicy policy) {
        DynamicBatcher b = new DynamicBatcher(model, policy, BatchObserver.NONE);
        batchers.add(b);
        return b;
    }

    private static BatchPolicy batching(int max, Set<Integer> preferred, long delayNanos, int capacity) {
        return new BatchPolicy(true, max, preferred, delayNanos, capacity, 1, Map.of());
    }

    private static List<Tensor> rows(float[]... rows) {
        int cols = rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return List.of(Tensor.fp32("x", new long[] {rows.length, cols}, data));
    }

    private static CompletableFuture<List<Tensor>> submit(DynamicBatcher b, float[]... rows) {
        return b.submit(rows(rows), rows.length, 0, false);
    }

    private static float[] sums(CompletableFuture<List<Tensor>> f) throws Exception {
        return (float[]) output(f, "sum").data();
    }

    private static Tensor output(CompletableFuture<List<Tensor>> f, String name) throws Exception {
        return f.get(10, TimeUnit.SECONDS).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** Blocks the worker on a first request, so the following ones queue up together. */
    private static CompletableFuture<List<Tensor>> occupyWorker(DynamicBatcher b, RowSumModel model) throws InterruptedException {
        model.closeGate();
        CompletableFuture<List<Tensor>> first = submit(b, new float[] {100});
        assertThat(model.awaitEntered(10)).isTrue();
        return first;
    }

    @Test
    void queuedRequestsRunAsOneBatchAndEachGetsItsOwnRows() throws Exception {
        RowSumModel model = new RowSumModel("m", 16);
        DynamicBatcher b = batcher(model, batching(16, Set.of(), 0, 100));
        CompletableFuture<List<Tensor>> first = occupyWorker(b, model);

        CompletableFuture<List<Tensor>> a = submit(b, new float[] {1, 2});
        CompletableFuture<List<Tensor>> c = submit(b, new float[] {3, 4}, new float[] {5, 6});
        CompletableFuture<List<Tensor>> d = submit(b, new float[] {10, 20});
        assertThat(b.queueDepth()).isEqualTo(3);
        model.open();

        assertThat(sums(first)).containsExactly(100);
        assertThat(sums(a)).containsExactly(3);
        assertThat(sums(c)).containsExactly(7, 11);
        assertThat(sums(d)).containsExactly(30);
        assertThat(output(c, "sum").shape()).containsExactly(2, 1);
        assertThat((long[]) output(a, "batch_rows").data()).containsExactly(4);
        assertThat(model.batchRows()).containsExactly(1, 4);
        assertThat(b.queueDepth()).isZero();
    }

    @Test
    void variableLengthRowsArePaddedForTheBatchAndTrimmedInTheAnswer() throws Exception {
        RowSumModel model = new RowSumModel("m", 16);
        DynamicBatcher b = batcher(model, batching(16, Set.of(), 0, 100));
        CompletableFuture<List<Tensor>> first = occupyWorker(b, model);

        CompletableFuture<List<Tensor>> shortRow = submit(b, new float[] {1, 2});
        CompletableFuture<List<Tensor>> longRow = submit(b, new float[] {1, 2, 3, 4, 5});
        model.open();
        first.get(10, TimeUnit.SECONDS);

        assertThat(sums(shortRow)).containsExactly(3);
        assertThat(sums(longRow)).containsExactly(15);
        assertThat(output(shortRow, "echo").shape()).containsExactly(1, 2);
        assertThat((float[]) output(shortRow, "echo").data()).containsExactly(1, 2);
        assertThat((float[]) output(longRow, "echo").data()).containsExactly(1, 2, 3, 4, 5);
        assertThat(model.batchRows()).containsExactly(1, 2);
    }

    @Test
    void batchesNeverExceedTheMaxBatchSize() throws Exception {
        RowSumModel model = new RowSumModel("m", 4);
        DynamicBatcher b = batcher(model, batching(4, Set.of(), 0, 100));
        CompletableFuture<List<Tensor>> first = occupyWorker(b, model);
        List<CompletableFuture<List<Tensor>>> pairs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pairs.add(submit(b, new float[] {i}, new float[] {i}));
        }
        model.open();

        first.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            assertThat(sums(pairs.get(i))).containsExactly(i, i);
        }
        assertThat(model.batchRows()).containsExactly(1, 4, 4, 2);
    }

    @Test
    void aPreferredBatchSizeRunsWithoutWaitingForTheQueueDelay() throws Exception {
        RowSumModel model = new RowSumModel("m", 8);
        // an hour of queue delay and room for 8 rows: only the preferred size 2 can make these requests run
        DynamicBatcher b = batcher(model, batching(8, Set.of(2), HOUR, 100));
        CompletableFuture<List<Tensor>> a = submit(b, new float[] {1});
        CompletableFuture<List<Tensor>> c = submit(b, new float[] {2});

        assertThat(sums(a)).containsExactly(1);
        assertThat(sums(c)).containsExactly(2);
        assertThat(model.batchRows()).containsExactly(2);
    }

    @Test
    void aFullQueueRefusesWithQueueFullAndStaysBounded() throws Exception {
        RowSumModel model = new RowSumModel("m", 8);
        DynamicBatcher b = batcher(model, batching(8, Set.of(), 0, 2));
        CompletableFuture<List<Tensor>> first = occupyWorker(b, model);
        CompletableFuture<List<Tensor>> q1 = submit(b, new float[] {1});
        CompletableFuture<List<Tensor>> q2 = submit(b, new float[] {2});

        CompletableFuture<List<Tensor>> refused = submit(b, new float[] {3});

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::get).hasCauseInstanceOf(QueueFullException.class)
                .hasMessageContaining("queue of model 'm' is full");
        assertThat(b.queueDepth()).isEqualTo(2);
        model.open();
        assertThat(sums(first)).containsExactly(100);
        assertThat(sums(q1)).containsExactly(1);
        assertThat(sums(q2)).containsExactly(2);
    }

    @Test
    void aRequestWhoseDeadlinePassedInTheQueueIsDroppedUnrun() throws Exception {
        RowSumModel model = new RowSumModel("m", 8);
        DynamicBatcher b = batcher(model, batching(8, Set.of(), 0, 10));
        CompletableFuture<List<Tensor>> first = occupyWorker(b, model);
        long soon = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        CompletableFuture<List<Tensor>> late = b.submit(rows(new float[] {7}), 1, soon, true);
        CompletableFuture<List<Tensor>> patient = submit(b, new float[] {8});
        while (System.nanoTime() - soon < 0) {
            Thread.sleep(10);
        }
        model.open();

        assertThat(sums(first)).containsExactly(100);
        assertThat(sums(patient)).containsExactly(8);
        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DeadlineExpiredException.class);
        assertThat(model.batchRows()).containsExactly(1, 1); // the late request never reached the model
    }

    @Test
    void aRequestAlreadyPastItsDeadlineNeverRuns() throws Exception {
        RowSumModel model = new RowSumModel("m", 8);
        DynamicBatcher b = batcher(model, batching(8, Set.of(), 0, 10));

        CompletableFuture<List<Tensor>> late = b.submit(rows(new float[] {7}), 1, System.nanoTime() - 1, true);

        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DeadlineExpiredException.class);
        assertThat(model.calls()).isZero();
    }

    @Test
    void waitingForBatchCompanyStopsAtTheDeadlineOfAMember() throws Exception {
        RowSumModel model = new RowSumModel("m", 8);
        DynamicBatcher b = batcher(model, batching(8, Set.of(), HOUR, 10));

        CompletableFuture<List<Tensor>> f = b.submit(rows(new float[] {1}), 1,
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100), true);

        // not an hour later: the batch gives up waiting when its only member's deadline passes
        assertThatThrownBy(() -> f.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(DeadlineExpiredException.class);
        assertThat(model.calls()).isZero();
    }

    @Test
    void aCancelledRequestIsSkipped() throws Exception {
        RowSumModel model = new RowSumModel("m", 8);
        DynamicBatcher b = batcher(model, batching(8, Set.of(), 0, 10));
        CompletableFuture<List<Tensor>> first = occupyWorker(b, model);
        CompletableFuture<List<Tensor>> gone = submit(b, new float[] {1, 1});
        CompletableFuture<List<Tensor>> kept = submit(b, new float[] {2});
        gone.cancel(false);
        model.open();

        first.get(10, TimeUnit.SECONDS);
        assertThat(sums(kept)).containsExactly(2);
        assertThat(model.batchRows()).containsExactly(1, 1);
    }

    @Test
    void oneCallersBadInputFailsOnlyThatCaller() throws Exception {
        RowSumModel model = new RowSumModel("m", 8);
        DynamicBatcher b = batcher(model, batching(8, Set.of(), 0, 10));
        CompletableFuture<List<Tensor>> first = occupyWorker(b, model);
        CompletableFuture<List<Tensor>> good = submit(b, new float[] {1});
        CompletableFuture<List<Tensor>> bad = submit(b, new float[] {Float.NaN});
        CompletableFuture<List<Tensor>> good2 = submit(b, new float[] {2});
        model.open();

        first.get(10, TimeUnit.SECONDS);
        assertThat(sums(good)).containsExactly(1);
        assertThat(sums(good2)).containsExactly(2);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.invalidInput()).isTrue());
    }

    @Test
    void withoutBatchingEachRequestRunsAlone() throws Exception {
        RowSumModel model = new RowSumModel("m", 8);
        DynamicBatcher b = batcher(model, BatchPolicy.unbatched(10, 1));
        CompletableFuture<List<Tensor>> first = occupyWorker(b, model);
        CompletableFuture<List<Tensor>> a = submit(b, new float[] {1}, new float[] {2});
        CompletableFuture<List<Tensor>> c = submit(b, new float[] {3});
        model.open();

        first.get(10, TimeUnit.SECONDS);
        assertThat(sums(a)).containsExactly(1, 2);
        assertThat(sums(c)).containsExactly(3);
        assertThat(model.batchRows()).containsExactly(1, 2, 1);
    }

    @Test
    void severalWorkersRunBatchesConcurrently() throws Exception {
        RowSumModel model = new RowSumModel("m", 8).closeGate();
        DynamicBatcher b = batcher(model, new BatchPolicy(true, 1, Set.of(), 0, 10, 2, Map.of()));
        CompletableFuture<List<Tensor>> a = submit(b, new float[] {1});
        CompletableFuture<List<Tensor>> c = submit(b, new float[] {2});
        // both workers end up inside the model at the same time; one gate opening releases both
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (b.queueDepth() > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(b.queueDepth()).isZero();
        model.open();
        assertThat(sums(a)).containsExactly(1);
        assertThat(sums(c)).containsExactly(2);
    }

    @Test
    void closeRunsWhatIsQueuedThenRefusesNewRequests() throws Exception {
        RowSumModel model = new RowSumModel("m", 8);
        DynamicBatcher b = batcher(model, batching(8, Set.of(), 0, 10));
        CompletableFuture<List<Tensor>> first = occupyWorker(b, model);
        CompletableFuture<List<Tensor>> queued = submit(b, new float[] {5});
        Thread closer = new Thread(() -> b.close(10, TimeUnit.SECONDS));
        closer.start();
        while (!refusedAsClosed(submit(b, new float[] {0}))) {
            Thread.sleep(5); // until close took effect, these extra requests still queue (and run)
        }
        model.open();
        closer.join(10_000);

        assertThat(sums(first)).containsExactly(100);
        assertThat(sums(queued)).containsExactly(5);
        assertThatThrownBy(() -> submit(b, new float[] {1}).get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(BatcherClosedException.class);
    }

    private static boolean refusedAsClosed(CompletableFuture<List<Tensor>> f) {
        return f.isCompletedExceptionally() && f.handle((r, e) -> e instanceof BatcherClosedException).join();
    }

    @Test
    void theObserverSeesEveryModelCall() throws Exception {
        RowSumModel model = new RowSumModel("m", 8);
        List<int[]> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        DynamicBatcher b = new DynamicBatcher(model, batching(8, Set.of(), 0, 10),
                (requests, rows, nanos, ok) -> seen.add(new int[] {requests, rows, ok ? 1 : 0}));
        batchers.add(b);
        CompletableFuture<List<Tensor>> first = occupyWorker(b, model);
        CompletableFuture<List<Tensor>> a = submit(b, new float[] {1}, new float[] {1});
        CompletableFuture<List<Tensor>> c = submit(b, new float[] {1});
        model.open();
        first.get(10, TimeUnit.SECONDS);
        a.get(10, TimeUnit.SECONDS);
        c.get(10, TimeUnit.SECONDS);

        assertThat(seen).extracting(x -> x[0] + "/" + x[1] + "/" + x[2]).containsExactly("1/1/1", "2/3/1");
    }

    @Test
    void waitsForTheQueueDelayToFillABatch() throws Exception {
        RowSumModel model = new RowSumModel("m", 8);
        DynamicBatcher b = batcher(model, batching(8, Set.of(), HOUR, 10));
        CompletableFuture<List<Tensor>> a = submit(b, new float[] {1});

        // with an hour of delay and room left in the batch, a lone request keeps waiting for company
        assertThatThrownBy(() -> a.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        CompletableFuture<List<Tensor>> rest = b.submit(rows(new float[] {1}, new float[] {2}, new float[] {3},
                new float[] {4}, new float[] {5}, new float[] {6}, new float[] {7}), 7, 0, false);
        assertThat(sums(a)).containsExactly(1);
        assertThat(sums(rest)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(model.batchRows()).containsExactly(8);
    }
}
