package io.linkrx.teacher.train;

import io.linkrx.config.Knob;

/**
 * Every configuration knob of the trainer ({@code ./linkrx trainer}) and of the {@code ./linkrx model} commands,
 * with its default and meaning. Set them in a properties file ({@code --config}, or the file named by
 * {@code LINKRX_TRAINER_CONFIG}) or as environment variables: the key upper-cased with dots as underscores, e.g.
 * {@code LINKRX_TRAINER_DEV_CORPUS}.
 */
public enum TrainerSetting implements Knob {
    BOOTSTRAP_SERVERS("linkrx.trainer.bootstrap.servers", "localhost:9092", "Kafka bootstrap servers of the trainer and the `model` commands. Client settings (security, ...) go under `linkrx.trainer.kafka.*` in the properties file."),
    SCHEMA_REGISTRY_URL("linkrx.trainer.schema.registry.url", "http://localhost:8081", "Confluent-API schema registry of `teacher.labels.v1` and `mlops.model-events.v1`."),
    SCHEMA_AUTO_REGISTER("linkrx.trainer.schema.registry.auto.register", "false", "Register the `ModelEvent` schema on first use (off in production: `./linkrx register-schemas`)."),
    GROUP_ID("linkrx.trainer.group.id", "linkrx-trainer", "Consumer group of the trainer: labels are committed after they are on disk; model events after the cycle they asked for."),
    LABEL_STORE_DIR("linkrx.trainer.label.store.dir", "trainer-labels", "Directory of the durable label store (`labels.jsonl`, append-only, fsync'd). It holds PHI-minimised note context: keep it private."),
    REPOSITORY("linkrx.trainer.repository", "model-repository", "The sidecar's model repository (Triton layout) where new versions are published; the same directory as `linkrx.sidecar.repository`."),
    MODEL("linkrx.trainer.model", "reranker", "Model name the trainer retrains (RETRAIN_REQUESTED events for other models are ignored)."),
    HUMAN_CORPORA("linkrx.trainer.human.corpora", "", "Gold-annotated PubTator corpora (human labels), comma-separated paths; upsampled to half of the mix when labels outnumber them."),
    DEV_CORPUS("linkrx.trainer.dev.corpus", "", "Gold-annotated PubTator corpus every candidate and the serving version are scored on (required): promotion only when dev Acc@1 does not drop."),
    KB_PATHS("linkrx.trainer.kb.paths", "classpath:linkrx/demo/kb.tsv", "Knowledge bases, comma-separated `<format>:<path>[?options]` specs, as `./linkrx eval linking --kb` takes them (use the app's `linkrx.kb.paths`)."),
    KB_SYNONYMS_FROM("linkrx.trainer.kb.synonyms.from", "", "KB specs whose names are lent to same-named concepts, as `eval linking --synonyms-from` (use the app's `linkrx.kb.synonyms.from`); empty: none."),
    TOP_K("linkrx.trainer.top.k", "20", "Candidates per mention in training and scoring."),
    NIL_THRESHOLD("linkrx.trainer.nil.threshold", "0.1", "NIL threshold written into each new version's `reranker.json`."),
    MODEL_KIND("linkrx.trainer.model.kind", "logistic", "Kind of re-ranker trained, as `eval linking --model`: `logistic` (Tribuo logistic regression), `fm` (Tribuo factorisation machine, the kind of the demo's shipped re-ranker and the best measured on tagged spans) or `trees` (XGBoost boosted trees, the best on gold-like spans). Every kind is exported to ONNX and served alike, so a version of one kind can replace a version of another."),
    EPOCHS("linkrx.trainer.epochs", "10", "Training epochs of the Tribuo re-rankers (`logistic`, `fm`; AdaGrad)."),
    SEED("linkrx.trainer.seed", "42", "Random seed of the re-ranker training (same seed, same labels: same model)."),
    RETRAIN_AFTER_LABELS("linkrx.trainer.retrain.after.labels", "0", "Also retrain when this many new labels arrived since the last cycle (0: only on RETRAIN_REQUESTED).");

    /** Prefix of Kafka client settings passed through to the trainer's consumers and producer (properties file only). */
    public static final String KAFKA_PASSTHROUGH = "linkrx.trainer.kafka.";
    /** The environment variable naming the properties file (same as {@code --config}). */
    public static final String CONFIG_FILE_ENV = "LINKRX_TRAINER_CONFIG";
    public static final String PREFIX = "linkrx.trainer.";

    private final Spec spec;

    TrainerSetting(String key, String defaultValue, String description) {
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
