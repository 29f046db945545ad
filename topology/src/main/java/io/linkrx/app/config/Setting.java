package io.linkrx.app.config;

import io.linkrx.config.Knob;

/**
 * Every configuration knob of the linking application, with its default and meaning. The README's
 * configuration table lists each one (a test keeps them in step). Environment variable: the key upper-cased
 * with dots as underscores, e.g. {@code LINKRX_BOOTSTRAP_SERVERS}.
 */
public enum Setting implements Knob {
    CONFIG_VERSION("linkrx.config.version", "1", "Version of the configuration format. Only 1 exists; other values are refused."),
    APPLICATION_ID("linkrx.application.id", "linkrx", "Kafka Streams application id: consumer group, internal topic prefix and state directory name."),
    BOOTSTRAP_SERVERS("linkrx.bootstrap.servers", "localhost:9092", "Kafka bootstrap servers."),
    SCHEMA_REGISTRY_URL("linkrx.schema.registry.url", "http://localhost:8081", "Confluent-API schema registry URL(s), comma-separated (Confluent, Apicurio `/apis/ccompat/v7`, Karapace, Redpanda)."),
    SCHEMA_REGISTRY_USER_INFO("linkrx.schema.registry.user.info", "", "Basic-auth `user:password` for the registry (empty: no auth). Pass it by environment or a secret file, not in a committed file."),
    SCHEMA_AUTO_REGISTER("linkrx.schema.registry.auto.register", "false", "Register the app's output schemas on first use. Off in production: register them with `./linkrx register-schemas` as a deployment step."),
    KB_PATHS("linkrx.kb.paths", "classpath:linkrx/demo/kb.tsv", "Knowledge-base files, comma-separated: `<format>:<path>[?options]` specs (see *Knowledge bases*) or a plain `classpath:`/file path in the linkrx TSV format (`.gz` allowed). The default is the demo KB."),
    KB_SYNONYMS_FROM("linkrx.kb.synonyms.from", "", "KB specs whose names are lent to same-named concepts of the linking KB (e.g. `drugbank:<csv>` adds DrugBank synonyms to MeSH chemicals), comma-separated; empty: none."),
    TAGGER_ENCODER_MODEL("linkrx.tagger.encoder.model", "tagger-encoder", "Sidecar model serving the contextual token vectors of a tagger trained with them (`eval linking --train-tagger --tagger-encoder <id>`): the encoder the tagger's metadata names, served with `pooling: spans` (input `TEXT` + `SPANS` INT32 [N, W, 2], output `SPAN_EMBEDDING`; `ShippedEncoders <id> <repo> tagger-encoder 1 spans` writes it). Used only when the tagger model needs it; while the sidecar does not answer, notes are tagged without the vectors (logged and counted, not lost). The call shares `linkrx.serving.deadline.ms`: on CPU a long note's encoding can take longer than 500 ms."),
    INDEX_DIR("linkrx.index.dir", "", "Lucene KB index built by `./linkrx index build` over the same KB (memory-mapped at start). With vectors of the sidecar's encoder it adds dense (HNSW) candidates to the in-memory 3-gram ones; without vectors it serves the lexical candidates. Empty: in-memory 3-gram retrieval only."),
    RERANKER_MODEL_DIR("linkrx.reranker.model.dir", "", "The learned re-ranker's model directory in the sidecar's repository (`<repo>/<model>`, written by `./linkrx eval linking --train`); the newest version's `reranker.json` and `mention-dictionary.tsv` are read, the sidecar serves its `model.onnx`. Needs `linkrx.serving.target`. Empty: the encoder re-ranker (or retrieval order without a sidecar)."),
    TAGGER_MODEL("linkrx.tagger.model", "", "With the learned re-ranker: a CRF mention tagger (`model.crf` trained by `./linkrx eval linking --end-to-end --train-tagger` or `TaggerTrain`) finds the mentions instead of the dictionary; its dictionary features come from the linking KB. Empty: dictionary extraction."),
    RERANKER_NIL_THRESHOLD("linkrx.reranker.nil.threshold", "0.1", "With the learned re-ranker: a mention whose best candidate's probability is below this is linked to nothing (NIL)."),
    RETRIEVAL_TOP_K("linkrx.retrieval.top.k", "10", "Candidates retrieved per mention."),
    RANKING_NIL_THRESHOLD("linkrx.ranking.nil.threshold", "0.5", "A mention whose best candidate scores below this is linked to nothing (NIL)."),
    RANKING_DENSE_WEIGHT("linkrx.ranking.dense.weight", "0.5", "With a sidecar: weight in [0, 1] of the cosine similarity between the mention in context and a candidate's name; the lexical score gets the rest."),
    RANKING_DENSE_CANDIDATES("linkrx.ranking.dense.candidates", "5", "With a sidecar: the best lexical candidates per mention that are re-ranked with the encoder (the rest are dropped)."),
    RANKING_DENSE_NAME_CACHE("linkrx.ranking.dense.name.cache", "100000", "With a sidecar: candidate names whose embeddings are kept between notes (per encoder version), so a warm note sends only its mentions."),
    RANKING_CONTEXT_CHARS("linkrx.ranking.context.chars", "64", "With a sidecar: characters of note text on each side of a mention that are embedded with it (0: the mention alone)."),
    TEACHER_MIN_SCORE("linkrx.teacher.min.score", "0.7", "Mentions whose best score is below this are sent to the teacher."),
    TEACHER_MIN_MARGIN("linkrx.teacher.min.margin", "0.1", "Mentions whose top-1 minus top-2 score is below this are sent to the teacher."),
    TEACHER_CONTEXT_CHARS("linkrx.teacher.context.chars", "160", "Characters of note text on each side of a mention in a teacher request."),
    TEACHER_SIGNALS("linkrx.teacher.signals", "nil,low-score,small-margin,disagreement,unseen-concept", "Uncertainty signals that send a mention to the teacher, comma-separated: `nil` (linked to nothing), `low-score`, `small-margin` (the two thresholds above), `disagreement` (the model's first choice is not retrieval's first), `unseen-concept` (the model never saw its first choice in training; learned re-ranker only). `none`: no teacher requests."),
    TEACHER_REDACT("linkrx.teacher.redact", "names,dates,ids,numbers", "PHI removed from a teacher request's context window, comma-separated: `names` (after titles, name fields, signatures), `dates` (and times), `ids` (MRN, SSN, phone, e-mail, URL, long codes), `numbers`; each becomes `[NAME]`, `[DATE]`, `[ID]` or `[NUM]`. The mention itself is never redacted. `none`: the context as written."),
    TEACHER_DEDUPE_TTL_MS("linkrx.teacher.dedupe.ttl.ms", "86400000", "A teacher request is suppressed when the same mention text (normalised, with its semantic type) or the same request id was requested within this time; also how long a request may wait for budget before it expires."),
    TEACHER_BUDGET_PER_HOUR("linkrx.teacher.budget.per.hour", "200", "Teacher requests sent per clock hour (UTC), for the whole application. Requests over budget wait, best first, until the next hour."),
    TEACHER_PENDING_MAX("linkrx.teacher.pending.max", "10000", "Requests that may wait for budget; when full, the one with the lowest score is dropped (and counted)."),
    TEACHER_DRAIN_INTERVAL_MS("linkrx.teacher.drain.interval.ms", "10000", "How often (wall-clock) waiting requests are sent when budget is free, expired ones removed and old duplicate records purged."),
    SIDECAR_TARGET("linkrx.serving.target", "", "Model-serving sidecar as `host:port` (KServe v2 / Open Inference Protocol over gRPC: the linkrx sidecar or NVIDIA Triton). Empty: no sidecar, lexical ranking only."),
    SIDECAR_TLS("linkrx.serving.tls", "false", "Call the sidecar over TLS. Plaintext suits a sidecar on loopback in the same pod."),
    SIDECAR_TLS_CA_FILE("linkrx.serving.tls.ca.file", "", "PEM file of the CA certificates trusted for the sidecar's TLS certificate (empty: the JVM's default trust store)."),
    SIDECAR_ENCODER_MODEL("linkrx.serving.encoder.model", "encoder", "Text encoder model on the sidecar: input `TEXT` (BYTES [N]), output `EMBEDDING` (FP32 [N, H])."),
    SIDECAR_ENCODER_MAX_BATCH("linkrx.serving.encoder.max.batch", "64", "Most texts per encoder request: the server's `max_batch_size` (64 for the shipped encoders; Triton's config). 0: all of a note's texts in one request."),
    SIDECAR_DEADLINE_MS("linkrx.serving.deadline.ms", "500", "Time budget of a note's sidecar call, retries included. Past it the note is ranked lexically and marked `degraded`."),
    SIDECAR_RETRIES("linkrx.serving.retries", "2", "Retries of a sidecar call that failed with UNAVAILABLE or RESOURCE_EXHAUSTED (exponential backoff with jitter, within the deadline)."),
    SIDECAR_BREAKER_FAILURES("linkrx.serving.breaker.failures", "5", "Failed sidecar calls in a row that open the circuit breaker; while it is open, notes are ranked lexically (`degraded`) without calling."),
    SIDECAR_BREAKER_FAILURE_RATE("linkrx.serving.breaker.failure.rate", "0.5", "Share in (0, 1] of failed calls among the last 20 that also opens the circuit breaker."),
    SIDECAR_BREAKER_OPEN_MS("linkrx.serving.breaker.open.ms", "5000", "How long an open circuit breaker rejects calls before one probe call tries the sidecar again; its success resumes dense ranking."),
    TOPICS_CREATE("linkrx.topics.create", "false", "Create missing topics at start (demo and tests). Production topics are usually created by the platform."),
    TOPICS_PARTITIONS("linkrx.topics.partitions", "6", "Partitions of topics created by `linkrx.topics.create`."),
    TOPICS_REPLICATION_FACTOR("linkrx.topics.replication.factor", "3", "Replication factor of topics created by `linkrx.topics.create` (also used for internal topics)."),
    STREAM_THREADS("linkrx.stream.threads", "1", "Kafka Streams threads per instance."),
    STATE_DIR("linkrx.state.dir", "", "Kafka Streams state directory (empty: `<tmp>/linkrx-streams`)."),
    COMMIT_INTERVAL_MS("linkrx.commit.interval.ms", "100", "Transaction commit interval with exactly_once_v2: the floor of end-to-end latency per hop."),
    RX_KG_PATH("linkrx.rx.kg.path", "", "Drug recommendations: knowledge graph in DRKG format (`head<TAB>relation<TAB>tail`, plain or gzip) with a treats (CtD) relation. Empty: recommendations are off. The model is trained from it at start."),
    RX_TOP_K("linkrx.rx.top.k", "5", "Drug recommendations per note (over all of its conditions)."),
    RX_PATHS("linkrx.rx.paths", "3", "Explaining graph paths per recommended drug, best first (at least 1)."),
    RX_DRUG_HORIZON_DAYS("linkrx.rx.drug.horizon.days", "180", "A drug counts as current when a note mentioned it (present) within this many days before the note's event time."),
    RX_RELATION_GLOSSARY_PATH("linkrx.rx.relation.glossary.path", "", "DRKG's `relation_glossary.tsv` (optional): lets drug-drug interaction and contraindication relations be recognised by their glossary description."),
    RX_NODE_NAMES_PATH("linkrx.rx.node.names.path", "", "Display names of graph nodes, `id<TAB>name[<TAB>...]` (e.g. Hetionet's nodes TSV). Empty: node ids are shown."),
    RX_MESH_TREE_PATH("linkrx.rx.mesh.tree.path", "", "MeSH tree numbers TSV (`mesh_id, mesh_name, mesh_tree_number`): a disease without a graph node is rolled up to its nearest ancestor that has one."),
    RX_DISEASE_XREFS_PATH("linkrx.rx.disease.xrefs.path", "", "Disease Ontology to MeSH map (`DO-slim-to-mesh.tsv`) for graphs whose disease nodes are DOIDs."),
    RX_DISEASE_XREFS_PROPAGATED_PATH("linkrx.rx.disease.xrefs.propagated.path", "", "Disease Ontology propagated cross-references (`DO-slim-xrefs-propagated.tsv`, MSH rows), tried after `linkrx.rx.disease.xrefs.path`."),
    RX_DRUGBANK_VOCABULARY_PATH("linkrx.rx.drugbank.vocabulary.path", "", "DrugBank open vocabulary CSV: drug names for display, and chemicals linked by name or UNII instead of a DrugBank id."),
    HTTP_HOST("linkrx.http.host", "0.0.0.0", "Address of the health and metrics HTTP endpoint."),
    HTTP_PORT("linkrx.http.port", "8080", "Port of `/health/live`, `/health/ready` and `/metrics` (0: any free port)."),
    SHUTDOWN_TIMEOUT_MS("linkrx.shutdown.timeout.ms", "30000", "How long a graceful shutdown may take to commit and close.");

    /** Prefix of keys passed unchanged (minus the prefix) to the Kafka clients, e.g. {@code linkrx.kafka.security.protocol}. */
    public static final String KAFKA_PASSTHROUGH = "linkrx.kafka.";
    /** Prefix of keys passed to the registry client, e.g. {@code linkrx.registry.schema.registry.ssl.truststore.location}. */
    public static final String REGISTRY_PASSTHROUGH = "linkrx.registry.";

    private final Spec spec;

    Setting(String key, String defaultValue, String description) {
        this.spec = new Spec(key, defaultValue, description);
    }

    @Override
    public Spec spec() {
        return spec;
    }

}
