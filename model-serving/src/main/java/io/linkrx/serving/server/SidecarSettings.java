package io.linkrx.serving.server;

import io.linkrx.config.ConfigFiles;
import io.linkrx.config.KnobValues;

import io.linkrx.serving.model.RuntimeSettings;
import io.linkrx.serving.repository.RepositoryOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidecar's configuration: defaults, overridden by a properties file, overridden by environment variables
 * ({@code LINKRX_SIDECAR_...}), overridden by explicit values (command line). Unknown {@code linkrx.sidecar.*}
 * keys in the file are refused so a typo cannot fall back to a default silently; unknown
 * {@code LINKRX_SIDECAR_*} variables are only warned about, because the environment is often shared.
 */
public final class SidecarSettings {
    private static final Logger LOG = LoggerFactory.getLogger(SidecarSettings.class);
    private static final Set<String> OPTIMIZATION_LEVELS = Set.of("all", "extended", "basic", "none");

    private final Map<SidecarSetting, String> values;
    /** Keys under a pass-through prefix, as given. */
    private final Map<String, String> passthrough;

    private SidecarSettings(Map<SidecarSetting, String> values, Map<String, String> passthrough) {
        this.values = Map.copyOf(values);
        this.passthrough = Map.copyOf(passthrough);
        validate();
    }

    public static SidecarSettings load(Optional<Path> file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, SidecarSetting> byKey = Arrays.stream(SidecarSetting.values())
                .collect(Collectors.toMap(SidecarSetting::key, s -> s));
        Map<SidecarSetting, String> values = new EnumMap<>(SidecarSetting.class);
        Map<String, String> passthrough = new HashMap<>();
        for (SidecarSetting s : SidecarSetting.values()) {
            values.put(s, s.defaultValue());
        }
        file.ifPresent(f -> ConfigFiles.readProperties(f).forEach((k, v) -> {
            if (isPassthrough(k)) {
                passthrough.put(k, v);
            } else if (k.startsWith(SidecarSetting.PREFIX)) {
                SidecarSetting s = byKey.get(k);
                if (s == null) {
                    throw new IllegalArgumentException("Unknown sidecar setting '" + k + "' in " + f + " (see the README's sidecar configuration table)");
                }
                values.put(s, v);
            }
        }));
        Map<String, SidecarSetting> byEnv = Arrays.stream(SidecarSetting.values())
                .collect(Collectors.toMap(SidecarSetting::environmentVariable, s -> s));
        environment.forEach((name, value) -> {
            SidecarSetting s = byEnv.get(name);
            if (s != null) {
                values.put(s, value.trim());
            } else if (name.startsWith("LINKRX_SIDECAR_") && !SidecarSetting.OTHER_ENV.contains(name)) {
                LOG.warn("Ignoring environment variable {}: not a sidecar setting", name);
            }
        });
        overrides.forEach((k, v) -> {
            if (isPassthrough(k)) {
                passthrough.put(k, v.trim());
                return;
            }
            SidecarSetting s = byKey.get(k);
            if (s == null) {
                throw new IllegalArgumentException("Unknown sidecar setting '" + k + "'");
            }
            values.put(s, v.trim());
        });
        return new SidecarSettings(values, passthrough);
    }

    private static boolean isPassthrough(String key) {
        return key.startsWith(SidecarSetting.MODEL_EVENTS_KAFKA_PASSTHROUGH) || key.startsWith(SidecarSetting.MODEL_EVENTS_REGISTRY_PASSTHROUGH);
    }

    /** Defaults with explicit values over them (tests, embedded use). */
    public static SidecarSettings of(Map<String, String> overrides) {
        return load(Optional.empty(), Map.of(), overrides);
    }


    private void validate() {
        for (SidecarSetting s : new SidecarSetting[] {SidecarSetting.GRPC_PORT, SidecarSetting.HTTP_PORT}) {
            int port = getInt(s);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(s.key() + " must be a port number (0-65535), was " + port);
            }
        }
        positive(SidecarSetting.GRPC_MAX_INBOUND_MESSAGE_BYTES);
        positive(SidecarSetting.GRPC_MAX_OUTBOUND_MESSAGE_BYTES);
        positive(SidecarSetting.BATCH_WORKERS);
        positive(SidecarSetting.BATCH_QUEUE_CAPACITY);
        notNegative(SidecarSetting.POLL_INTERVAL_MS);
        notNegative(SidecarSetting.SHUTDOWN_TIMEOUT_MS);
        notNegative(SidecarSetting.ORT_CUDA_DEVICE_ID);
        notNegative(SidecarSetting.ORT_INTRA_OP_THREADS);
        notNegative(SidecarSetting.ORT_INTER_OP_THREADS);
        String device = get(SidecarSetting.ORT_DEVICE).toLowerCase(Locale.ROOT);
        if (!device.equals("cuda") && !device.equals("cpu")) {
            throw new IllegalArgumentException(SidecarSetting.ORT_DEVICE.key() + " must be cuda or cpu, was '" + device + "'");
        }
        String level = get(SidecarSetting.ORT_OPTIMIZATION_LEVEL).toLowerCase(Locale.ROOT);
        if (!OPTIMIZATION_LEVELS.contains(level)) {
            throw new IllegalArgumentException(SidecarSetting.ORT_OPTIMIZATION_LEVEL.key() + " must be one of " + OPTIMIZATION_LEVELS
                    + ", was '" + level + "'");
        }
        getBoolean(SidecarSetting.ORT_MEMORY_ARENA);
        if (get(SidecarSetting.REPOSITORY).isBlank()) {
            throw new IllegalArgumentException(SidecarSetting.REPOSITORY.key() + " must name the model repository directory");
        }
    }

    private void positive(SidecarSetting s) {
        if (getLong(s) < 1) {
            throw new IllegalArgumentException(s.key() + " must be at least 1, was " + get(s));
        }
    }

    private void notNegative(SidecarSetting s) {
        if (getLong(s) < 0) {
            throw new IllegalArgumentException(s.key() + " must not be negative, was " + get(s));
        }
    }

    public String get(SidecarSetting s) {
        return values.get(s);
    }

    public int getInt(SidecarSetting s) {
        return KnobValues.asInt(s, get(s));
    }

    public long getLong(SidecarSetting s) {
        return KnobValues.asLong(s, get(s));
    }

    public boolean getBoolean(SidecarSetting s) {
        return KnobValues.asBoolean(s, get(s));
    }

    public Path repository() {
        return Path.of(get(SidecarSetting.REPOSITORY));
    }

    public RuntimeSettings runtimeSettings() {
        return new RuntimeSettings(get(SidecarSetting.ORT_DEVICE).toLowerCase(Locale.ROOT), getInt(SidecarSetting.ORT_CUDA_DEVICE_ID),
                getInt(SidecarSetting.ORT_INTRA_OP_THREADS), getInt(SidecarSetting.ORT_INTER_OP_THREADS),
                get(SidecarSetting.ORT_OPTIMIZATION_LEVEL).toLowerCase(Locale.ROOT), getBoolean(SidecarSetting.ORT_MEMORY_ARENA));
    }

    public RepositoryOptions repositoryOptions() {
        return new RepositoryOptions(runtimeSettings(), Duration.ofMillis(getLong(SidecarSetting.POLL_INTERVAL_MS)),
                getInt(SidecarSetting.BATCH_QUEUE_CAPACITY), getInt(SidecarSetting.BATCH_WORKERS),
                Duration.ofMillis(getLong(SidecarSetting.SHUTDOWN_TIMEOUT_MS)));
    }

    /** Whether model events are followed (their bootstrap servers are set). */
    public boolean followModelEvents() {
        return !get(SidecarSetting.MODEL_EVENTS_BOOTSTRAP_SERVERS).isBlank();
    }

    /** Consumer settings of the model-events follower. */
    public Map<String, Object> modelEventsConsumerConfig() {
        Map<String, Object> out = new HashMap<>(withPrefix(SidecarSetting.MODEL_EVENTS_KAFKA_PASSTHROUGH));
        out.put("bootstrap.servers", get(SidecarSetting.MODEL_EVENTS_BOOTSTRAP_SERVERS));
        return out;
    }

    /** Registry client settings of the model-events follower, under Confluent's keys. */
    public Map<String, Object> modelEventsRegistryConfig() {
        Map<String, Object> out = new HashMap<>(withPrefix(SidecarSetting.MODEL_EVENTS_REGISTRY_PASSTHROUGH));
        out.put("schema.registry.url", get(SidecarSetting.MODEL_EVENTS_SCHEMA_REGISTRY_URL));
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
        // pass-through settings may hold credentials: only their keys are shown
        return values.entrySet().stream().map(e -> e.getKey().key() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", passthrough.isEmpty() ? "}" : ", pass-through: " + passthrough.keySet() + "}"));
    }
}
