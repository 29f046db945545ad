package io.linkrx.serde;

import java.util.Map;

/**
 * Serde settings, under the keys Confluent's Avro serdes use so existing configuration carries over.
 * Registry connection keys are read by {@link io.linkrx.registry.RegistryClientConfig}.
 */
public record AvroSerdeConfig(boolean autoRegisterSchemas, boolean useLatestVersion) {
    /** Register the writer's schema when it is not yet registered. Off by default: in production, schemas are
     *  registered by a deployment step, and an application must not change a subject on its own. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Write with the subject's latest registered schema id (it must be the writer's schema). */
    public static final String USE_LATEST_VERSION = "use.latest.version";

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        return new AvroSerdeConfig(flag(configs, AUTO_REGISTER_SCHEMAS), flag(configs, USE_LATEST_VERSION));
    }

    private static boolean flag(Map<String, ?> configs, String key) {
        Object v = configs.get(key);
        return v != null && Boolean.parseBoolean(v.toString().trim());
    }
}
