package io.linkrx.serving.ops;

import io.grpc.Status;
import io.linkrx.serving.batch.BatchObserver;
import io.linkrx.serving.grpc.RequestObserver;
import io.linkrx.serving.repository.ModelRepository;
import io.linkrx.serving.repository.RepositoryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The sidecar's Micrometer meters. Label values are model names, versions, devices and status codes only
 * (bounded; never request data): names the repository does not know are counted as {@code _unknown}.
 */
public final class ServingMetrics implements RepositoryListener, RequestObserver {
    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};

    private final MeterRegistry registry;
    private final MultiGauge loaded;
    private final Map<String, LoadedRow> loadedRows = new ConcurrentHashMap<>();
    private final Map<String, Boolean> gaugedModels = new ConcurrentHashMap<>();
    private volatile ModelRepository repository;

    private record LoadedRow(String model, String version, String device, String platform) {}

    public ServingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.loaded = MultiGauge.builder("linkrx.sidecar.model.loaded")
                .description("1 for each loaded model version, labelled with the device (execution provider) it runs on")
                .register(registry);
    }

    /** The repository whose queues and readiness the gauges read. */
    public void attach(ModelRepository repository) {
        this.repository = repository;
        repository.modelNames().forEach(this::modelDiscovered);
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void modelDiscovered(String model) {
        if (gaugedModels.putIfAbsent(model, Boolean.TRUE) != null) {
            return;
        }
        Gauge.builder("linkrx.sidecar.queue.depth", this, m -> m.repository == null ? 0 : m.repository.queueDepth(model))
                .description("Requests waiting in the model's batching queue")
                .tag("model", model)
                .register(registry);
        Gauge.builder("linkrx.sidecar.model.ready", this, m -> m.repository != null
                        && m.repository.status(model).map(s -> s.ready()).orElse(false) ? 1 : 0)
                .description("1 while the model has a loaded version serving requests")
                .tag("model", model)
                .register(registry);
    }

    @Override
    public void versionLoaded(String model, String version, String device, String platform) {
        loadedRows.put(model + "\u0000" + version, new LoadedRow(model, version, device == null ? "unknown" : device,
                platform == null ? "unknown" : platform));
        Counter.builder("linkrx.sidecar.model.loads").description("Model versions loaded").tag("model", model)
                .register(registry).increment();
        refreshLoaded();
    }

    @Override
    public void versionUnloaded(String model, String version) {
        loadedRows.remove(model + "\u0000" + version);
        refreshLoaded();
    }

    private void refreshLoaded() {
        List<MultiGauge.Row<?>> rows = new java.util.ArrayList<>();
        for (LoadedRow r : loadedRows.values()) {
            rows.add(MultiGauge.Row.of(Tags.of("model", r.model(), "version", r.version(), "device", r.device(),
                    "platform", r.platform()), 1));
        }
        loaded.register(rows, true);
    }

    @Override
    public void servingVersionChanged(String model, String from, String to) {
        if (from != null && to != null) {
            Counter.builder("linkrx.sidecar.hot.swaps").description("Switches of a model's serving version without a restart")
                    .tag("model", model).register(registry).increment();
        }
    }

    @Override
    public void loadFailed(String model, String version, String reason) {
        Counter.builder("linkrx.sidecar.model.load.failures").description("Model version loads that failed (the serving version stayed)")
                .tag("model", model).register(registry).increment();
    }

    @Override
    public BatchObserver batchObserver(String model) {
        DistributionSummary batchRows = DistributionSummary.builder("linkrx.sidecar.batch.size")
                .description("Rows (dimension 0) per model execution").tag("model", model)
                .serviceLevelObjectives(BATCH_BUCKETS).register(registry);
        DistributionSummary batchRequests = DistributionSummary.builder("linkrx.sidecar.batch.requests")
                .description("Requests combined into one model execution").tag("model", model)
                .serviceLevelObjectives(BATCH_BUCKETS).register(registry);
        Timer ok = inferenceTimer(model, "ok");
        Timer failed = inferenceTimer(model, "error");
        return (requests, rows, nanos, success) -> {
            batchRows.record(rows);
            batchRequests.record(requests);
            (success ? ok : failed).record(nanos, TimeUnit.NANOSECONDS);
        };
    }

    private Timer inferenceTimer(String model, String outcome) {
        return Timer.builder("linkrx.sidecar.inference").description("Model execution time per batch")
                .tag("model", model).tag("outcome", outcome)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public void requestCompleted(String model, Status.Code code, long nanos) {
        Counter.builder("linkrx.sidecar.requests").description("ModelInfer requests by model and gRPC status")
                .tag("model", model).tag("status", code.name()).register(registry).increment();
        Timer.builder("linkrx.sidecar.request").description("ModelInfer latency inside the sidecar (queue + batch + model)")
                .tag("model", model)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
