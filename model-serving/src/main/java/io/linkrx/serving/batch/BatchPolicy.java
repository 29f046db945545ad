package io.linkrx.serving.batch;

import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.config.ModelParameter;
import io.linkrx.serving.model.ServedModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one model version's requests are queued and batched, as Triton's {@code dynamic_batching} describes it.
 *
 * @param enabled           concatenate requests (config has {@code dynamic_batching} and the model a batch dimension)
 * @param maxBatchSize      largest batch (rows along dimension 0) one model call receives
 * @param preferredSizes    batch sizes that run at once, without waiting for the queue delay
 * @param maxQueueDelayNanos how long the oldest queued request may wait for others to join its batch
 * @param queueCapacity     queued requests beyond this are refused (RESOURCE_EXHAUSTED), so the heap stays bounded
 * @param workers           threads running this version's batches
 * @param padValues         per-input pad value for variable inner dimensions (default 0; BYTES pad with empty)
 */
public record BatchPolicy(boolean enabled, int maxBatchSize, Set<Integer> preferredSizes, long maxQueueDelayNanos,
                          int queueCapacity, int workers, Map<String, Double> padValues) {

    /** Config parameter overriding the sidecar's queue capacity for one model (Triton: default_queue_policy.max_queue_size). */
    public static final String MAX_QUEUE_SIZE_PARAMETER = "max_queue_size";
    /** Config parameter overriding the sidecar's worker threads for one model (Triton: instance_group count). */
    public static final String WORKERS_PARAMETER = "worker_threads";
    /** Config parameter prefix of a pad value, e.g. {@code pad_value.input_ids = "1"} for a tokenizer whose pad id is 1. */
    public static final String PAD_VALUE_PREFIX = "pad_value.";

    public BatchPolicy {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, was " + queueCapacity);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("worker threads must be at least 1, was " + workers);
        }
        preferredSizes = Set.copyOf(preferredSizes);
        padValues = Map.copyOf(padValues);
    }

    /** Each request runs alone (the model has no batch dimension, or its config does not ask for batching). */
    public static BatchPolicy unbatched(int queueCapacity, int workers) {
        return new BatchPolicy(false, 0, Set.of(), 0, queueCapacity, workers, Map.of());
    }

    /** The policy of a loaded model: its config decides batching; the sidecar's defaults fill what it leaves open. */
    public static BatchPolicy of(ModelConfig config, ServedModel model, int defaultQueueCapacity, int defaultWorkers) {
        Map<String, ModelParameter> params = config.getParametersMap();
        int capacity = intParameter(params, MAX_QUEUE_SIZE_PARAMETER, defaultQueueCapacity);
        int workers = intParameter(params, WORKERS_PARAMETER, defaultWorkers);
        int maxBatch = model.maxBatchSize() > 0 ? model.maxBatchSize() : config.getMaxBatchSize();
        if (!config.hasDynamicBatching() || maxBatch <= 0) {
            return unbatched(capacity, workers);
        }
        Set<Integer> preferred = new TreeSet<>();
        for (int size : config.getDynamicBatching().getPreferredBatchSizeList()) {
            if (size > 0 && size <= maxBatch) {
                preferred.add(size);
            }
        }
        Map<String, Double> pads = new HashMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith(PAD_VALUE_PREFIX)) {
                pads.put(key.substring(PAD_VALUE_PREFIX.length()), doubleParameter(key, value.getStringValue()));
            }
        });
        long delayNanos = config.getDynamicBatching().getMaxQueueDelayMicroseconds() * 1_000L;
        return new BatchPolicy(true, maxBatch, preferred, delayNanos, capacity, workers, pads);
    }

    public double padValue(String input) {
        return padValues.getOrDefault(input, 0.0);
    }

    public List<Integer> preferredSizesAscending() {
        return List.copyOf(new TreeSet<>(preferredSizes));
    }

    private static int intParameter(Map<String, ModelParameter> params, String key, int fallback) {
        ModelParameter p = params.get(key);
        if (p == null || p.getStringValue().isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(p.getStringValue().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config parameter '" + key + "' must be a whole number, was '" + p.getStringValue() + "'");
        }
    }

    private static double doubleParameter(String key, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config parameter '" + key + "' must be a number, was '" + value + "'");
        }
    }
}
