package io.linkrx.serving.server;

import io.linkrx.config.Knob;


/**
 * Every configuration knob of the model-serving sidecar, with its default and meaning. Set them in a properties
 * file ({@code --config}) or as environment variables: the key upper-cased with dots as underscores, e.g.
 * {@code LINKRX_SIDECAR_GRPC_PORT}. {@code InferenceServer settings} prints this table for the README.
 */
public enum SidecarSetting implements Knob {
    GRPC_HOST("linkrx.sidecar.grpc.host", "127.0.0.1", "Address of the KServe v2 gRPC endpoint. Loopback by default: the app runs in the same pod; use `0.0.0.0` to serve other hosts."),
    GRPC_PORT("linkrx.sidecar.grpc.port", "8001", "Port of the KServe v2 gRPC endpoint (Triton's gRPC port; 0: any free port)."),
    GRPC_MAX_INBOUND_MESSAGE_BYTES("linkrx.sidecar.grpc.max.inbound.message.bytes", "67108864", "Largest request the sidecar accepts (64 MiB). Larger requests fail with RESOURCE_EXHAUSTED."),
    GRPC_MAX_OUTBOUND_MESSAGE_BYTES("linkrx.sidecar.grpc.max.outbound.message.bytes", "67108864", "Largest response the sidecar sends (64 MiB); a larger answer fails with RESOURCE_EXHAUSTED. Clients must accept at least this much."),
    HTTP_HOST("linkrx.sidecar.http.host", "0.0.0.0", "Address of the HTTP ops endpoint (probes come from the kubelet on the pod address)."),
    HTTP_PORT("linkrx.sidecar.http.port", "8002", "Port of `/health/live`, `/health/ready` and `/metrics` (0: any free port)."),
    REPOSITORY("linkrx.sidecar.repository", "model-repository", "Model repository directory in Triton's layout: `<repo>/<model>/config.pbtxt` and `<repo>/<model>/<version>/`."),
    POLL_INTERVAL_MS("linkrx.sidecar.repository.poll.interval.ms", "5000", "How often the repository is checked for new or removed versions, config changes and pins (0: never; load once at start)."),
    BATCH_WORKERS("linkrx.sidecar.batch.workers", "1", "Worker threads per loaded model version (each runs one batch at a time). Config parameter `worker_threads` overrides it per model."),
    BATCH_QUEUE_CAPACITY("linkrx.sidecar.batch.queue.capacity", "1024", "Requests a model version queues before answering RESOURCE_EXHAUSTED. Config parameter `max_queue_size` overrides it per model."),
    SHUTDOWN_TIMEOUT_MS("linkrx.sidecar.shutdown.timeout.ms", "30000", "How long a graceful shutdown (SIGTERM) or a hot swap waits for in-flight requests before closing a model."),
    ORT_DEVICE("linkrx.sidecar.ort.device", "cuda", "`cuda`: CUDA execution provider with an automatic, logged fallback to CPU when CUDA is not usable; `cpu`: CPU only."),
    ORT_CUDA_DEVICE_ID("linkrx.sidecar.ort.cuda.device.id", "0", "GPU ordinal used by the CUDA execution provider."),
    ORT_INTRA_OP_THREADS("linkrx.sidecar.ort.intra.op.threads", "0", "ONNX Runtime threads inside one operator (0: ONNX Runtime's default, one per core)."),
    ORT_INTER_OP_THREADS("linkrx.sidecar.ort.inter.op.threads", "0", "ONNX Runtime threads across independent operators (0: ONNX Runtime's default)."),
    ORT_OPTIMIZATION_LEVEL("linkrx.sidecar.ort.optimization.level", "all", "ONNX Runtime graph optimisation: `all`, `extended`, `basic` or `none`."),
    ORT_MEMORY_ARENA("linkrx.sidecar.ort.memory.arena", "true", "Whether ONNX Runtime's CPU memory arena is on (faster; holds on to peak memory)."),
    MODEL_EVENTS_BOOTSTRAP_SERVERS("linkrx.sidecar.model.events.bootstrap.servers", "", "Kafka bootstrap servers to follow model events from (empty: do not follow). PROMOTED pins `modelVersion`, ROLLED_BACK pins `previousVersion`. Consumer settings (security, ...) go under `linkrx.sidecar.model.events.kafka.*` in the properties file."),
    MODEL_EVENTS_TOPIC("linkrx.sidecar.model.events.topic", "mlops.model-events.v1", "Topic of the model events (Avro `ModelEvent`, Confluent wire format)."),
    MODEL_EVENTS_SCHEMA_REGISTRY_URL("linkrx.sidecar.model.events.schema.registry.url", "http://localhost:8081", "Confluent-API schema registry of the model events. Registry client settings (basic auth, TLS) go under `linkrx.sidecar.model.events.registry.*` in the properties file.");

    /** Prefix of Kafka consumer settings passed through to the model-events follower (properties file only). */
    public static final String MODEL_EVENTS_KAFKA_PASSTHROUGH = "linkrx.sidecar.model.events.kafka.";
    /** Prefix of schema-registry client settings passed through to the model-events follower (properties file only). */
    public static final String MODEL_EVENTS_REGISTRY_PASSTHROUGH = "linkrx.sidecar.model.events.registry.";

    /** The environment variable naming the properties file (same as {@code --config}). */
    public static final String CONFIG_FILE_ENV = "LINKRX_SIDECAR_CONFIG";
    /** The environment variable setting the log level of linkrx's own loggers (read by logback-sidecar.xml). */
    public static final String LOG_LEVEL_ENV = "LINKRX_SIDECAR_LOG_LEVEL";
    /** Sidecar environment variables that are not settings. */
    public static final java.util.Set<String> OTHER_ENV = java.util.Set.of(CONFIG_FILE_ENV, LOG_LEVEL_ENV);
    public static final String PREFIX = "linkrx.sidecar.";

    private final Spec spec;

    SidecarSetting(String key, String defaultValue, String description) {
        this.spec = new Spec(key, defaultValue, description);
    }

    @Override
    public Spec spec() {
        return spec;
    }


    /** The README's configuration table (Markdown). */
    public static String markdownTable() {
        return Knob.markdownTable(values());
    }
}
