package io.linkrx.serving.batch;

import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.model.TensorType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pure-Java test model: input {@code x} FP32 [B, T]; outputs {@code sum} (each row's sum) FP32 [B, 1],
 * {@code echo} (x itself) FP32 [B, T], {@code version} INT64 [B, 1] (its version number) and {@code batch_rows}
 * INT64 [B, 1] (the B it was called with, to see batching). A NaN in x is the caller's mistake (invalid input);
 * +Infinity makes it fail as a server error. It records its calls and any use after close.
 */
public final class RowSumModel implements ServedModel {
    private final String name;
    private final String version;
    private final int maxBatchSize;
    private final long inferDelayMillis;
    private final List<Integer> batchRows = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger misuse = new AtomicInteger();
    private volatile boolean closed;
    private volatile CountDownLatch gate;
    private volatile CountDownLatch entered = new CountDownLatch(1);

    public RowSumModel(String name, String version, int maxBatchSize, long inferDelayMillis) {
        this.name = name;
        this.version = version;
        this.maxBatchSize = maxBatchSize;
        this.inferDelayMillis = inferDelayMillis;
    }

    public RowSumModel(String name, int maxBatchSize) {
        this(name, "1", maxBatchSize, 0);
    }

    /** Calls block until {@link #open()}. */
    public RowSumModel closeGate() {
        gate = new CountDownLatch(1);
        entered = new CountDownLatch(1);
        return this;
    }

    public void open() {
        CountDownLatch g = gate;
        if (g != null) {
            g.countDown();
        }
    }

    /** Waits until a call is inside {@link #infer} (blocked at the gate). */
    public boolean awaitEntered(long seconds) throws InterruptedException {
        return entered.await(seconds, TimeUnit.SECONDS);
    }

    public List<Integer> batchRows() {
        synchronized (batchRows) {
            return List.copyOf(batchRows);
        }
    }

    public int calls() {
        return batchRows().size();
    }

    public boolean closed() {
        return closed;
    }

    /** Calls after close, and closes while a call ran. */
    public int misuse() {
        return misuse.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String platform() {
        return "linkrx_test";
    }

    @Override
    public List<TensorSpec> inputs() {
        return List.of(new TensorSpec("x", TensorType.FP32, new long[] {-1, -1}));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(new TensorSpec("sum", TensorType.FP32, new long[] {-1, 1}),
                new TensorSpec("echo", TensorType.FP32, new long[] {-1, -1}),
                new TensorSpec("version", TensorType.INT64, new long[] {-1, 1}),
                new TensorSpec("batch_rows", TensorType.INT64, new long[] {-1, 1}));
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public List<Tensor> infer(List<Tensor> inputs) throws ModelException {
        inFlight.incrementAndGet();
        try {
            if (closed) {
                misuse.incrementAndGet();
                throw new ModelException("model used after close", false);
            }
            entered.countDown();
            CountDownLatch g = gate;
            if (g != null && !g.await(30, TimeUnit.SECONDS)) {
                throw new ModelException("test gate never opened", false);
            }
            if (inferDelayMillis > 0) {
                Thread.sleep(inferDelayMillis);
            }
            Tensor x = inputs.stream().filter(t -> t.name().equals("x")).findFirst()
                    .orElseThrow(() -> new ModelException("no input x", true));
            int rows = (int) x.shape()[0];
            int cols = (int) x.shape()[1];
            float[] data = (float[]) x.data();
            float[] sums = new float[rows];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float v = data[r * cols + c];
                    if (Float.isNaN(v)) {
                        throw new ModelException("input x holds NaN", true);
                    }
                    if (v == Float.POSITIVE_INFINITY) {
                        throw new ModelException("kernel failed", false);
                    }
                    sums[r] += v;
                }
            }
            long[] versions = new long[rows];
            long[] seen = new long[rows];
            java.util.Arrays.fill(versions, Long.parseLong(version));
            java.util.Arrays.fill(seen, rows);
            batchRows.add(rows);
            return List.of(Tensor.fp32("sum", new long[] {rows, 1}, sums),
                    Tensor.fp32("echo", x.shape().clone(), data.clone()),
                    Tensor.int64("version", new long[] {rows, 1}, versions),
                    Tensor.int64("batch_rows", new long[] {rows, 1}, seen));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted", false);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        if (inFlight.get() > 0) {
            misuse.incrementAndGet();
        }
        closed = true;
    }
}
