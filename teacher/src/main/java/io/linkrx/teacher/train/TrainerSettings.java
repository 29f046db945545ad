package io.linkrx.teacher.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.config.ConfigFiles;
import io.linkrx.config.KnobValues;
import io.linkrx.kb.KbSpec;

/**
 * The trainer's configuration: defaults, overridden by a properties file, overridden by environment variables
 * ({@code LINKRX_TRAINER_...}), overridden by explicit values. Unknown {@code linkrx.trainer.*} keys are refused
 * in the file (a typo must not fall back to a default) and only warned about in the shared environment.
 */
public final class TrainerSettings {
    private static final Logger LOG = LoggerFactory.getLogger(TrainerSettings.class);
    private static final Map<String, TrainerSetting> BY_KEY = Arrays.stream(TrainerSetting.values())
            .collect(Collectors.toMap(TrainerSetting::key, Function.identity()));
    private static final Map<String, TrainerSetting> BY_ENV = Arrays.stream(TrainerSetting.values())
            .collect(Collectors.toMap(TrainerSetting::environmentVariable, Function.identity()));

    private final Map<TrainerSetting, String> values;
    private final Map<String, String> kafka;

    private TrainerSettings(Map<TrainerSetting, String> values, Map<String, String> kafka) {
        this.values = Map.copyOf(values);
        this.kafka = Map.copyOf(kafka);
        for (TrainerSetting s : List.of(TrainerSetting.TOP_K, TrainerSetting.EPOCHS, TrainerSetting.RETRAIN_AFTER_LABELS)) {
            if (getInt(s) < 0) {
                throw new IllegalArgumentException(s.key() + " must not be negative");
            }
        }
        getDouble(TrainerSetting.NIL_THRESHOLD);
        try {
            retrainingSettings(); // a model kind it does not know is refused at start, not at the first cycle
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TrainerSetting.MODEL_KIND.key() + ": " + e.getMessage(), e);
        }
        KnobValues.asLong(TrainerSetting.SEED, get(TrainerSetting.SEED));
        KnobValues.asBoolean(TrainerSetting.SCHEMA_AUTO_REGISTER, get(TrainerSetting.SCHEMA_AUTO_REGISTER));
    }

    public static TrainerSettings load(Optional<Path> file, Map<String, String> environment, Map<String, String> overrides) {
        Map<TrainerSetting, String> values = new EnumMap<>(TrainerSetting.class);
        Map<String, String> kafka = new HashMap<>();
        for (TrainerSetting s : TrainerSetting.values()) {
            values.put(s, s.defaultValue());
        }
        file.ifPresent(f -> ConfigFiles.readProperties(f).forEach((k, v) -> put(values, kafka, k, v, f.toString())));
        environment.forEach((name, value) -> {
            TrainerSetting s = BY_ENV.get(name);
            if (s != null) {
                values.put(s, value.trim());
            } else if (name.startsWith("LINKRX_TRAINER_") && !name.equals(TrainerSetting.CONFIG_FILE_ENV)) {
                LOG.warn("Ignoring environment variable {}: not a trainer setting", name);
            }
        });
        overrides.forEach((k, v) -> put(values, kafka, k, v, "overrides"));
        return new TrainerSettings(values, kafka);
    }

    /** Explicit values over the defaults (tests, embedded use). */
    public static TrainerSettings of(Map<String, String> values) {
        return load(Optional.empty(), Map.of(), values);
    }

    private static void put(Map<TrainerSetting, String> values, Map<String, String> kafka, String key, String value,
                            String source) {
        if (key.startsWith(TrainerSetting.KAFKA_PASSTHROUGH)) {
            kafka.put(key.substring(TrainerSetting.KAFKA_PASSTHROUGH.length()), value.trim());
        } else if (key.startsWith(TrainerSetting.PREFIX)) {
            TrainerSetting s = BY_KEY.get(key);
            if (s == null) {
                throw new IllegalArgumentException("Unknown trainer setting '" + key + "' in " + source
                        + " (see the README's trainer configuration table)");
            }
            values.put(s, value.trim());
        }
    }

    public String get(TrainerSetting s) {
        return values.get(s);
    }

    public int getInt(TrainerSetting s) {
        return KnobValues.asInt(s, get(s));
    }

    public double getDouble(TrainerSetting s) {
        return KnobValues.asDouble(s, get(s));
    }

    public Path path(TrainerSetting s) {
        return Path.of(get(s));
    }

    /** Comma-separated paths of a setting, blanks dropped. */
    public List<Path> paths(TrainerSetting s) {
        return Arrays.stream(get(s).split(",")).map(String::trim).filter(p -> !p.isEmpty()).map(Path::of).toList();
    }

    /** KB specs of a setting, split as {@code linkrx.kb.paths} is. */
    public List<String> kbSpecs(TrainerSetting s) {
        return get(s).isBlank() ? List.of() : KbSpec.split(get(s));
    }

    public io.linkrx.eval.linking.RerankerRetraining.Settings retrainingSettings() {
        return new io.linkrx.eval.linking.RerankerRetraining.Settings(getInt(TrainerSetting.TOP_K),
                getDouble(TrainerSetting.NIL_THRESHOLD), getInt(TrainerSetting.EPOCHS),
                KnobValues.asLong(TrainerSetting.SEED, get(TrainerSetting.SEED)), get(TrainerSetting.MODEL_KIND));
    }

    /** Kafka client settings: bootstrap servers plus the {@code linkrx.trainer.kafka.*} pass-through. */
    public Map<String, Object> kafka() {
        Map<String, Object> out = new HashMap<>(kafka);
        out.put("bootstrap.servers", get(TrainerSetting.BOOTSTRAP_SERVERS));
        return out;
    }

    /** Serde settings under Confluent's key names. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> out = new HashMap<>();
        out.put("schema.registry.url", get(TrainerSetting.SCHEMA_REGISTRY_URL));
        out.put("auto.register.schemas", get(TrainerSetting.SCHEMA_AUTO_REGISTER));
        return out;
    }
}
