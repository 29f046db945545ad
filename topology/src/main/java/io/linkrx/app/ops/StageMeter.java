package io.linkrx.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.streams.kstream.ValueMapper;

/** Per-stage throughput, errors and latency, and teacher-request counts. Tags never carry note contents. */
public final class StageMeter {
    private final MeterRegistry registry;
    private final AtomicLong teacherPending = new AtomicLong();

    public StageMeter(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("linkrx.teacher.pending", teacherPending, AtomicLong::get)
                .description("Teacher requests waiting for budget").register(registry);
    }

    public <A, B> ValueMapper<A, B> timed(String stage, Function<A, B> function) {
        Timer latency = Timer.builder("linkrx.stage.latency").tag("stage", stage)
                .description("Time a stage spends on one record").publishPercentileHistogram().register(registry);
        Counter ok = Counter.builder("linkrx.stage.records").tag("stage", stage).tag("outcome", "ok").register(registry);
        Counter failed = Counter.builder("linkrx.stage.records").tag("stage", stage).tag("outcome", "error").register(registry);
        return value -> {
            Timer.Sample sample = Timer.start(registry);
            try {
                B out = function.apply(value);
                ok.increment();
                return out;
            } catch (RuntimeException e) {
                failed.increment();
                throw e;
            } finally {
                sample.stop(latency);
            }
        };
    }

    /** A request sent to the teacher, by reason (NIL, LOW_SCORE, ...). */
    public void teacherRequest(String reason) {
        registry.counter("linkrx.teacher.requests", "reason", reason).increment();
    }

    /** What the teacher-request gate did with a request: sent, suppressed, deferred, drained, expired, overflow. */
    public void teacherGate(String outcome) {
        registry.counter("linkrx.teacher.gate", "outcome", outcome).increment();
    }

    /** Requests waiting for teacher budget. */
    public void teacherPending(int waiting) {
        teacherPending.set(waiting);
    }
}
