package io.linkrx.app.config;

import io.linkrx.config.ConfigFiles;
import io.linkrx.config.KnobValues;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The application's configuration: defaults, overridden by a properties file, overridden by environment
 * variables ({@code LINKRX_...}), overridden by explicit overrides (command line). Unknown {@code linkrx.*} keys
 * are refused so a typo cannot silently fall back to a default.
 */
public final class LinkrxConfig {
    private static final Set<String> KNOWN_KEYS = Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.toSet());

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LinkrxConfig.class);
    /** Variables of the same environment that belong to other linkrx programs (the sidecar, the scripts). */
    private static final java.util.List<String> OTHER_PROGRAMS_ENV = java.util.List.of(
            "LINKRX_CONFIG", "LINKRX_SIDECAR_", "LINKRX_JAVA_OPTS", "LINKRX_SKIP_BUILD", "LINKRX_REGISTRY_JAR", "LINKRX_LOG_LEVEL");

    private final Map<String, String> values;

    private LinkrxConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
        validate();
    }

    /** Loads defaults &lt; file &lt; environment &lt; overrides. */
    public static LinkrxConfig load(Optional<Path> file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>();
        for (Setting s : Setting.values()) {
            values.put(s.key(), s.defaultValue());
        }
        file.ifPresent(f -> values.putAll(ConfigFiles.readProperties(f)));
        values.putAll(fromEnvironment(environment));
        values.putAll(overrides);
        return new LinkrxConfig(values);
    }

    /** Only explicit values over the defaults (tests, embedded use). */
    public static LinkrxConfig of(Map<String, String> overrides) {
        return load(Optional.empty(), Map.of(), overrides);
    }


    /**
     * {@code LINKRX_KAFKA_SECURITY_PROTOCOL} becomes {@code linkrx.kafka.security.protocol}. The environment is
     * shared with other programs, so a variable that names no knob is warned about and skipped, where the same
     * key in a configuration file is an error.
     */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> out = new HashMap<>();
        environment.forEach((name, value) -> {
            if (!name.startsWith("LINKRX_") || OTHER_PROGRAMS_ENV.stream().anyMatch(name::startsWith)) {
                return;
            }
            String key = name.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
            if (isKnown(key)) {
                out.put(key, value);
            } else {
                LOG.warn("Ignoring environment variable {}: it names no linkrx setting", name);
            }
        });
        return out;
    }

    private static boolean isKnown(String key) {
        return KNOWN_KEYS.contains(key) || key.startsWith(Setting.KAFKA_PASSTHROUGH) || key.startsWith(Setting.REGISTRY_PASSTHROUGH);
    }

    private void validate() {
        for (String key : values.keySet()) {
            if (key.startsWith("linkrx.") && !isKnown(key)) {
                throw new IllegalArgumentException("Unknown configuration key '" + key + "' (see the README's configuration table)");
            }
        }
        if (!"1".equals(get(Setting.CONFIG_VERSION))) {
            throw new IllegalArgumentException("Unsupported linkrx.config.version '" + get(Setting.CONFIG_VERSION) + "' (supported: 1)");
        }
        for (Setting s : new Setting[] {Setting.RETRIEVAL_TOP_K, Setting.STREAM_THREADS, Setting.TOPICS_PARTITIONS,
                Setting.HTTP_PORT, Setting.COMMIT_INTERVAL_MS, Setting.TEACHER_CONTEXT_CHARS,
                Setting.TEACHER_BUDGET_PER_HOUR, Setting.TEACHER_PENDING_MAX}) {
            getInt(s);
        }
        getLong(Setting.TEACHER_DEDUPE_TTL_MS);
        getLong(Setting.TEACHER_DRAIN_INTERVAL_MS);
        getDouble(Setting.RANKING_NIL_THRESHOLD);
        getDouble(Setting.TEACHER_MIN_SCORE);
        getDouble(Setting.TEACHER_MIN_MARGIN);
    }

    public String get(Setting setting) {
        return values.get(setting.key());
    }

    public int getInt(Setting setting) {
        return KnobValues.asInt(setting, get(setting));
    }

    public long getLong(Setting setting) {
        return KnobValues.asLong(setting, get(setting));
    }

    public double getDouble(Setting setting) {
        return KnobValues.asDouble(setting, get(setting));
    }

    public boolean getBoolean(Setting setting) {
        return KnobValues.asBoolean(setting, get(setting));
    }

    /** Keys under a pass-through prefix, with the prefix removed. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** Settings for the Avro serdes and the registry client, under Confluent's key names. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> out = new HashMap<>(withPrefix(Setting.REGISTRY_PASSTHROUGH));
        out.put("schema.registry.url", get(Setting.SCHEMA_REGISTRY_URL));
        out.put("auto.register.schemas", get(Setting.SCHEMA_AUTO_REGISTER));
        if (!get(Setting.SCHEMA_REGISTRY_USER_INFO).isBlank()) {
            out.put("basic.auth.credentials.source", "USER_INFO");
            out.put("basic.auth.user.info", get(Setting.SCHEMA_REGISTRY_USER_INFO));
        }
        return out;
    }

    @Override
    public String toString() {
        // never print secrets
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? "****" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static boolean isSecret(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.contains("password") || k.contains("user.info") || k.contains("secret") || k.contains("sasl.jaas");
    }
}
