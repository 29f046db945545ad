package io.linkrx.teacher.bridge;

import io.linkrx.config.Knob;

/**
 * Every configuration knob of the teacher bridge, with its default and meaning. Set them in a properties file
 * ({@code --config}) or as environment variables: the key upper-cased with dots as underscores, e.g.
 * {@code LINKRX_TEACHER_BASE_URL}. {@code linkrx.teacher.*} keys of the linking app (the routing thresholds) may
 * share the file; they are ignored here.
 */
public enum TeacherSetting implements Knob {
    PROVIDER("linkrx.teacher.provider", "simulated", "Teacher bridge: which teacher answers. `openai`: any OpenAI-compatible Chat Completions endpoint (OpenAI, DeepSeek, vLLM, Ollama, llama.cpp server); `simulated`: answers from the gold PubTator corpus `linkrx.teacher.simulated.corpus`."),
    BOOTSTRAP_SERVERS("linkrx.teacher.bootstrap.servers", "localhost:9092", "Teacher bridge: Kafka bootstrap servers. Client settings (security, ...) go under `linkrx.teacher.kafka.*` in the properties file."),
    SCHEMA_REGISTRY_URL("linkrx.teacher.schema.registry.url", "http://localhost:8081", "Teacher bridge: Confluent-API schema registry URL(s). Registry client settings (basic auth, TLS) go under `linkrx.teacher.registry.*` in the properties file."),
    SCHEMA_AUTO_REGISTER("linkrx.teacher.schema.registry.auto.register", "false", "Teacher bridge: register the `TeacherLabel` and `DeadLetter` schemas on first use (demo and tests; in production register them with `./linkrx register-schemas`)."),
    GROUP_ID("linkrx.teacher.group.id", "linkrx-teacher-bridge", "Teacher bridge: consumer group reading `teacher.labeling-requests.v1`."),
    POLL_MAX_RECORDS("linkrx.teacher.poll.max.records", "20", "Teacher bridge: requests fetched per poll; each is answered before the next poll, so keep it small enough for `max.poll.interval.ms` at the teacher's rate limit."),
    SIMULATED_CORPUS("linkrx.teacher.simulated.corpus", "", "Simulated teacher: gold-annotated PubTator corpus (plain or gzip) it answers from, e.g. NCBI Disease's train split. Required with provider `simulated`."),
    SIMULATED_KB("linkrx.teacher.simulated.kb", "", "Simulated teacher: KB specs (as `linkrx.kb.paths`) that resolve the corpus's gold ids (OMIM ids, `MESH:` prefixes) to the candidates' ids. Empty: gold ids are only stripped of `MESH:`."),
    OUTSIDE_KB("linkrx.teacher.outside.kb", "", "Teacher bridge: KB specs (as `linkrx.kb.paths`) whose concepts the teacher may name when none of the student's candidates is right (routed mentions are often retrieval misses). The OpenAI teacher is asked for the concept's name and the bridge accepts it only when exactly one concept of these KBs has that name; the simulated teacher answers the gold concept when these KBs have it. Empty: the teacher chooses among the candidates or NIL (RPDR)."),
    BASE_URL("linkrx.teacher.base.url", "https://api.openai.com/v1", "OpenAI teacher: base URL of the Chat Completions API (`<base>/chat/completions`), e.g. `https://api.deepseek.com/v1`, `http://localhost:8000/v1` (vLLM), `http://localhost:11434/v1` (Ollama), `http://localhost:8080/v1` (llama.cpp server)."),
    MODEL("linkrx.teacher.model", "gpt-4o-mini", "OpenAI teacher: model name sent in each request; it is recorded in every label."),
    API_KEY("linkrx.teacher.api.key", "", "OpenAI teacher: API key (sent as a Bearer token; empty: no Authorization header, for local servers). Pass it by environment or a secret, never in a committed file."),
    API_KEY_ENV("linkrx.teacher.api.key.env", "", "OpenAI teacher: name of another environment variable holding the API key (e.g. `DEEPSEEK_API_KEY`), used when `linkrx.teacher.api.key` is empty."),
    TEMPERATURE("linkrx.teacher.temperature", "0", "OpenAI teacher: sampling temperature (0: the most deterministic answers)."),
    MAX_TOKENS("linkrx.teacher.max.tokens", "400", "OpenAI teacher: most completion tokens per answer."),
    CONNECT_TIMEOUT_MS("linkrx.teacher.connect.timeout.ms", "10000", "OpenAI teacher: TCP/TLS connect timeout."),
    REQUEST_TIMEOUT_MS("linkrx.teacher.request.timeout.ms", "60000", "OpenAI teacher: time allowed for one HTTP call (a timeout is retried)."),
    RETRIES("linkrx.teacher.retries", "4", "OpenAI teacher: retries of a call that failed with 429, 5xx, a timeout or a connection error (exponential backoff with jitter; `Retry-After` is honoured). Then the request goes to the dead-letter topic."),
    BACKOFF_INITIAL_MS("linkrx.teacher.backoff.initial.ms", "1000", "OpenAI teacher: first retry delay; it doubles per retry (plus up to 50% jitter)."),
    BACKOFF_MAX_MS("linkrx.teacher.backoff.max.ms", "30000", "OpenAI teacher: longest retry delay, `Retry-After` included."),
    RATE_LIMIT_PER_MINUTE("linkrx.teacher.rate.limit.per.minute", "60", "OpenAI teacher: most calls per minute (client-side, smoothed; 0: unlimited)."),
    PRICE_PROMPT_PER_MILLION("linkrx.teacher.price.prompt.per.million", "0", "OpenAI teacher: price of a million prompt tokens (any currency), for the cost metric and log."),
    PRICE_COMPLETION_PER_MILLION("linkrx.teacher.price.completion.per.million", "0", "OpenAI teacher: price of a million completion tokens, for the cost metric and log."),
    SYNTHESIS_SENTENCES("linkrx.teacher.synthesis.sentences", "3", "Teacher bridge: sentences asked for per SYNTHESIZE request (SynCABEL-style synthetic examples of a concept no label covers)."),
    STATS_INTERVAL_MS("linkrx.teacher.stats.interval.ms", "60000", "Teacher bridge: how often counts, tokens, cost and latency are logged (0: only at shutdown).");

    /** Prefix of Kafka client settings passed through to the bridge's consumer and producer (properties file only). */
    public static final String KAFKA_PASSTHROUGH = "linkrx.teacher.kafka.";
    /** Prefix of schema-registry client settings passed through to the serdes (properties file only). */
    public static final String REGISTRY_PASSTHROUGH = "linkrx.teacher.registry.";
    /** The environment variable naming the properties file (same as {@code --config}). */
    public static final String CONFIG_FILE_ENV = "LINKRX_TEACHER_CONFIG";
    public static final String PREFIX = "linkrx.teacher.";

    private final Spec spec;

    TeacherSetting(String key, String defaultValue, String description) {
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
