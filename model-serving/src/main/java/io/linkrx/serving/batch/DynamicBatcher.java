package io.linkrx.serving.batch;

import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request queue and worker threads of one model version, batching as Triton's dynamic batcher does: a
 * worker takes the oldest request and lets compatible requests join until the batch is full, reaches a
 * preferred size, or the oldest has waited the maximum queue delay. The queue is bounded (callers get
 * {@link QueueFullException}), and requests whose deadline passed or whose caller left are dropped unrun.
 * Without batching each request runs alone, still through the bounded queue.
 */
public final class DynamicBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DynamicBatcher.class);

    private final String label;
    private final ServedModel model;
    private final BatchPolicy policy;
    private final BatchObserver observer;
    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition arrived = queueLock.newCondition();
    private final ArrayDeque<InferenceCall> queue = new ArrayDeque<>();
    /** One worker forms a batch at a time, so concurrent workers do not split one batch between them. */
    private final ReentrantLock formLock = new ReentrantLock();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;
    private volatile int depth;

    public DynamicBatcher(ServedModel model, BatchPolicy policy, BatchObserver observer) {
        this.model = model;
        this.policy = policy;
        this.observer = observer;
        this.label = model.name();
        for (int i = 0; i < policy.workers(); i++) {
            Thread t = new Thread(this::work, "linkrx-batch-" + model.name() + "-v" + model.version() + "-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    public BatchPolicy policy() {
        return policy;
    }

    public int queueDepth() {
        return depth;
    }

    /**
     * Queues a request. The future fails with {@link QueueFullException}, {@link DeadlineExpiredException},
     * {@link BatcherClosedException} or {@link ModelException}.
     *
     * @param rows              the request's size along dimension 0 (1 for a model without a batch dimension)
     * @param deadlineNanoTime  {@link System#nanoTime()} after which the request is not worth running
     * @param hasDeadline       false: no deadline
     */
    public CompletableFuture<List<Tensor>> submit(List<Tensor> inputs, int rows, long deadlineNanoTime, boolean hasDeadline) {
        InferenceCall call = new InferenceCall(List.copyOf(inputs), rows, System.nanoTime(), deadlineNanoTime, hasDeadline);
        queueLock.lock();
        try {
            if (closed) {
                call.result.completeExceptionally(new BatcherClosedException(label));
            } else if (queue.size() >= policy.queueCapacity()) {
                call.result.completeExceptionally(new QueueFullException(label, policy.queueCapacity()));
            } else {
                queue.addLast(call);
                depth = queue.size();
                arrived.signalAll();
            }
        } finally {
            queueLock.unlock();
        }
        return call.result;
    }

    private void work() {
        while (true) {
            List<InferenceCall> batch;
            formLock.lock();
            try {
                batch = formBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                formLock.unlock();
            }
            if (batch == null) {
                return;
            }
            run(batch);
        }
    }

    /** The next batch, or null once closed and drained. */
    private List<InferenceCall> formBatch() throws InterruptedException {
        queueLock.lock();
        try {
            InferenceCall first = null;
            while (first == null) {
                first = pollRunnable();
                if (first == null) {
                    if (closed) {
                        return null;
                    }
                    arrived.await();
                }
            }
            List<InferenceCall> batch = new ArrayList<>();
            batch.add(first);
            if (!policy.enabled()) {
                return batch;
            }
            int rows = first.rows;
            // waiting for company ends at the queue delay, or earlier when a member's deadline comes first
            long waitUntil = first.waitLimit(first.enqueuedNanos + policy.maxQueueDelayNanos());
            while (true) {
                boolean blocked = false;
                InferenceCall next;
                while ((next = queue.peekFirst()) != null) {
                    if (dropIfStale(next)) {
                        continue;
                    }
                    if (!next.signature.equals(first.signature) || rows + next.rows > policy.maxBatchSize()) {
                        blocked = true; // it starts the next batch
                        break;
                    }
                    removeHead();
                    batch.add(next);
                    rows += next.rows;
                    waitUntil = next.waitLimit(waitUntil);
                }
                if (blocked || rows >= policy.maxBatchSize() || policy.preferredSizes().contains(rows) || closed) {
                    return batch;
                }
                long remaining = waitUntil - System.nanoTime();
                if (remaining <= 0) {
                    return batch;
                }
                arrived.awaitNanos(remaining);
            }
        } finally {
            queueLock.unlock();
        }
    }

    /** Head of the queue that is still worth running; stale heads are dropped. Holds queueLock. */
    private InferenceCall pollRunnable() {
        InferenceCall head;
        while ((head = queue.peekFirst()) != null) {
            if (!dropIfStale(head)) {
                removeHead();
                return head;
            }
        }
        return null;
    }

    /** Drops the queue's head when its caller left or its deadline passed. Holds queueLock. */
    private boolean dropIfStale(InferenceCall head) {
        if (head.abandoned()) {
            removeHead();
            return true;
        }
        if (head.expired(System.nanoTime())) {
            removeHead();
            head.result.completeExceptionally(new DeadlineExpiredException(label));
            return true;
        }
        return false;
    }

    private void removeHead() {
        queue.pollFirst();
        depth = queue.size();
    }

    private void run(List<InferenceCall> formed) {
        // the queue delay may have used up someone's deadline: check once more before spending model time
        long now = System.nanoTime();
        List<InferenceCall> batch = new ArrayList<>(formed.size());
        for (InferenceCall call : formed) {
            if (call.abandoned()) {
                continue;
            }
            if (call.expired(now)) {
                call.result.completeExceptionally(new DeadlineExpiredException(label));
            } else {
                batch.add(call);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            if (batch.size() == 1) {
                InferenceCall only = batch.get(0);
                only.result.complete(timed(1, only.rows, only.inputs));
                return;
            }
            TensorBatching.Batched batched = TensorBatching.concat(batch, policy);
            int rows = batch.stream().mapToInt(c -> c.rows).sum();
            List<Tensor> outputs = timed(batch.size(), rows, batched.inputs());
            List<List<Tensor>> perCall = TensorBatching.split(outputs, batch, batched, model.outputs());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result.complete(perCall.get(i));
            }
        } catch (ModelException e) {
            if (e.invalidInput() && batch.size() > 1) {
                // one caller's bad input must not fail its batch neighbours: run each alone
                batch.forEach(c -> run(List.of(c)));
            } else {
                batch.forEach(c -> c.result.completeExceptionally(e));
            }
        } catch (RuntimeException | Error e) {
            LOG.error("Model '{}' version {} failed on a batch of {} requests", label, model.version(), batch.size(), e);
            batch.forEach(c -> c.result.completeExceptionally(e));
        }
    }

    private List<Tensor> timed(int requests, int rows, List<Tensor> inputs) throws ModelException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            List<Tensor> out = model.infer(inputs);
            ok = true;
            return out;
        } finally {
            observer.batchExecuted(requests, rows, System.nanoTime() - start, ok);
        }
    }

    /**
     * Takes no more requests, runs what is queued, then stops the workers (waiting up to the timeout; requests
     * still queued after it fail with {@link BatcherClosedException}).
     */
    public void close(long timeout, TimeUnit unit) {
        queueLock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            queueLock.unlock();
        }
        long until = System.nanoTime() + unit.toNanos(timeout);
        for (Thread t : workers) {
            if (t == Thread.currentThread()) {
                continue;
            }
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        queueLock.lock();
        try {
            InferenceCall left;
            while ((left = queue.pollFirst()) != null) {
                left.result.completeExceptionally(new BatcherClosedException(label));
            }
            depth = 0;
        } finally {
            queueLock.unlock();
        }
        workers.forEach(Thread::interrupt);
    }

    @Override
    public void close() {
        close(30, TimeUnit.SECONDS);
    }
}
