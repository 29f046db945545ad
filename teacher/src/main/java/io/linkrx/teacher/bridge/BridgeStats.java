package io.linkrx.teacher.bridge;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.linkrx.schema.TeacherLabel;
import io.linkrx.teacher.TeacherUsage;

/** Counts of the bridge's work for its log line: never text, only numbers. Thread-safe. */
public final class BridgeStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong labels = new AtomicLong();
    private final AtomicLong nilLabels = new AtomicLong();
    private final AtomicLong synthetic = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong latencySumMs = new AtomicLong();
    private final AtomicLong latencyMaxMs = new AtomicLong();
    private final AtomicLong answeredCalls = new AtomicLong();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();

    void request() {
        requests.incrementAndGet();
    }

    void deadLettered() {
        deadLettered.incrementAndGet();
    }

    void answered(TeacherLabel label) {
        if (RequestAnswerer.SOURCE_SYNTHETIC.equals(label.getLabelSource())) {
            synthetic.incrementAndGet();
        } else {
            labels.incrementAndGet();
            if (label.getChosenConceptId() == null) {
                nilLabels.incrementAndGet();
            }
        }
        promptTokens.addAndGet(label.getPromptTokens());
        completionTokens.addAndGet(label.getCompletionTokens());
        if (label.getLatencyMs() > 0 || !RequestAnswerer.SOURCE_SYNTHETIC.equals(label.getLabelSource())) {
            answeredCalls.incrementAndGet();
            latencySumMs.addAndGet(label.getLatencyMs());
            latencyMaxMs.accumulateAndGet(label.getLatencyMs(), Math::max);
        }
    }

    public long requests() {
        return requests.get();
    }

    public long labels() {
        return labels.get();
    }

    public long synthetic() {
        return synthetic.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    /** One log line; {@code usage} adds the teacher's own count of calls, tokens (failed calls too) and cost. */
    public String summary(TeacherUsage usage) {
        long calls = answeredCalls.get();
        return String.format(Locale.ROOT, "%d requests: %d labels (%d NIL), %d synthetic examples, %d dead-lettered;"
                        + " answered tokens %d prompt + %d completion; teacher calls %d, tokens %d + %d, cost %.4f;"
                        + " latency mean %d ms, max %d ms",
                requests.get(), labels.get(), nilLabels.get(), synthetic.get(), deadLettered.get(),
                promptTokens.get(), completionTokens.get(), usage.calls(), usage.promptTokens(),
                usage.completionTokens(), usage.cost(), calls == 0 ? 0 : latencySumMs.get() / calls,
                latencyMaxMs.get());
    }
}
