package io.linkrx.teacher.bridge;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.app.config.Setting;
import io.linkrx.config.ConfigFiles;
import io.linkrx.config.KnobValues;

/**
 * The bridge's configuration: defaults &lt; properties file &lt; environment ({@code LINKRX_TEACHER_...}) &lt;
 * explicit values. Unknown {@code linkrx.teacher.*} keys in the file are refused so a typo cannot fall back to a
 * default silently, except the linking app's own {@code linkrx.teacher.*} routing settings, which may share the
 * file; unknown variables are only warned about, because the environment is shared.
 */
public final class TeacherBridgeSettings {
    private static final Logger LOG = LoggerFactory.getLogger(TeacherBridgeSettings.class);
    private static final Map<String, TeacherSetting> BY_KEY = Arrays.stream(TeacherSetting.values())
            .collect(Collectors.toMap(TeacherSetting::key, Function.identity()));
    private static final Set<String> APP_KEYS = Arrays.stream(Setting.values()).map(Setting::key)
            .collect(Collectors.toSet());

    private final Map<TeacherSetting, String> values;
    private final Map<String, String> passthrough;

    private TeacherBridgeSettings(Map<TeacherSetting, String> values, Map<String, String> passthrough) {
        this.values = Map.copyOf(values);
        this.passthrough = Map.copyOf(passthrough);
        validate();
    }

    public static TeacherBridgeSettings load(Optional<Path> file, Map<String, String> environment,
                                             Map<String, String> overrides) {
        Map<TeacherSetting, String> values = new EnumMap<>(TeacherSetting.class);
        Map<String, String> passthrough = new HashMap<>();
        for (TeacherSetting s : TeacherSetting.values()) {
            values.put(s, s.defaultValue());
        }
        file.ifPresent(f -> ConfigFiles.readProperties(f).forEach((k, v) -> put(k, v, values, passthrough,
                " in " + f)));
        Map<String, TeacherSetting> byEnv = Arrays.stream(TeacherSetting.values())
                .collect(Collectors.toMap(TeacherSetting::environmentVariable, Function.identity()));
        Set<String> appEnv = APP_KEYS.stream().map(io.linkrx.config.Knob::environmentVariableOf)
                .collect(Collectors.toSet());
        environment.forEach((name, value) -> {
            TeacherSetting s = byEnv.get(name);
            if (s != null) {
                values.put(s, value.strip());
            } else if (name.startsWith("LINKRX_TEACHER_") && !appEnv.contains(name)
                    && !name.equals(TeacherSetting.CONFIG_FILE_ENV)) {
                LOG.warn("Ignoring environment variable {}: not a teacher bridge setting", name);
            }
        });
        overrides.forEach((k, v) -> put(k, v, values, passthrough, ""));
        return new TeacherBridgeSettings(values, passthrough);
    }

    /** Defaults with explicit values over them (tests, embedded use). */
    public static TeacherBridgeSettings of(Map<String, String> overrides) {
        return load(Optional.empty(), Map.of(), overrides);
    }

    private static void put(String key, String value, Map<TeacherSetting, String> values,
                            Map<String, String> passthrough, String where) {
        if (key.startsWith(TeacherSetting.KAFKA_PASSTHROUGH) || key.startsWith(TeacherSetting.REGISTRY_PASSTHROUGH)) {
            passthrough.put(key, value.strip());
        } else if (key.startsWith(TeacherSetting.PREFIX) && !APP_KEYS.contains(key)) {
            TeacherSetting s = BY_KEY.get(key);
            if (s == null) {
                throw new IllegalArgumentException("Unknown teacher bridge setting '" + key + "'" + where
                        + " (see the README's teacher bridge configuration table)");
            }
            values.put(s, value.strip());
        }
    }

    private void validate() {
        for (TeacherSetting s : new TeacherSetting[] {TeacherSetting.POLL_MAX_RECORDS,
                TeacherSetting.SYNTHESIS_SENTENCES}) {
            if (getInt(s) < 1) {
                throw new IllegalArgumentException(s.key() + " must be at least 1, was " + get(s));
            }
        }
        if (KnobValues.asLong(TeacherSetting.STATS_INTERVAL_MS, get(TeacherSetting.STATS_INTERVAL_MS)) < 0) {
            throw new IllegalArgumentException(TeacherSetting.STATS_INTERVAL_MS.key() + " must not be negative");
        }
        KnobValues.asBoolean(TeacherSetting.SCHEMA_AUTO_REGISTER, get(TeacherSetting.SCHEMA_AUTO_REGISTER));
    }

    public String get(TeacherSetting s) {
        return values.get(s);
    }

    public int getInt(TeacherSetting s) {
        return KnobValues.asInt(s, get(s));
    }

    public long getLong(TeacherSetting s) {
        return KnobValues.asLong(s, get(s));
    }

    /** Every setting by key, for {@link io.linkrx.teacher.TeacherProvider#create}. */
    public Map<String, String> asMap() {
        Map<String, String> out = new HashMap<>();
        values.forEach((s, v) -> out.put(s.key(), v));
        return out;
    }

    /** Consumer settings (bytes in: the bridge deserialises itself so unreadable requests reach the DLQ intact). */
    public Map<String, Object> consumerConfig() {
        Map<String, Object> out = new HashMap<>();
        // a request may wait for the teacher's retries and rate limit: allow long gaps between polls
        out.put("max.poll.interval.ms", "1800000");
        out.putAll(withPrefix(TeacherSetting.KAFKA_PASSTHROUGH));
        out.put("bootstrap.servers", get(TeacherSetting.BOOTSTRAP_SERVERS));
        out.put("group.id", get(TeacherSetting.GROUP_ID));
        out.put("enable.auto.commit", "false");
        out.putIfAbsent("auto.offset.reset", "earliest");
        out.putIfAbsent("isolation.level", "read_committed");
        out.put("max.poll.records", get(TeacherSetting.POLL_MAX_RECORDS));
        out.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        out.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        return out;
    }

    /** Idempotent producer settings: a retried send never duplicates a label. */
    public Map<String, Object> producerConfig() {
        Map<String, Object> out = new HashMap<>(withPrefix(TeacherSetting.KAFKA_PASSTHROUGH));
        out.put("bootstrap.servers", get(TeacherSetting.BOOTSTRAP_SERVERS));
        out.put("enable.idempotence", "true");
        out.put("acks", "all");
        out.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        out.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        // consumer-only pass-through keys would only be warned about by the producer
        out.keySet().removeAll(Set.of("auto.offset.reset", "isolation.level", "max.poll.interval.ms"));
        return out;
    }

    /** Settings for the Avro serdes and the registry client, under Confluent's key names. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> out = new HashMap<>(withPrefix(TeacherSetting.REGISTRY_PASSTHROUGH));
        out.put("schema.registry.url", get(TeacherSetting.SCHEMA_REGISTRY_URL));
        out.put("auto.register.schemas", get(TeacherSetting.SCHEMA_AUTO_REGISTER));
        out.put("application.id", get(TeacherSetting.GROUP_ID)); // names the bridge in its dead letters
        return out;
    }

    private Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new HashMap<>();
        passthrough.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    @Override
    public String toString() {
        // the API key and pass-through settings may hold credentials: only their keys are shown
        return values.entrySet().stream()
                .map(e -> e.getKey().key() + "=" + (e.getKey() == TeacherSetting.API_KEY && !e.getValue().isEmpty()
                        ? "****" : e.getValue()))
                .collect(Collectors.joining(", ", "{", passthrough.isEmpty() ? "}"
                        : ", pass-through: " + passthrough.keySet() + "}"));
    }
}
