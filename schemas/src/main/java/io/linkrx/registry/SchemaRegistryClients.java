package io.linkrx.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates registry clients from Kafka-style configuration and shares one client per URL within a JVM, so all
 * serdes of an application share one cache and one HTTP connection pool.
 */
public final class SchemaRegistryClients {
    private static final String MEMORY_SCHEME = "mem://";
    private static final Map<String, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {}

    public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
        Object url = configs.get(RegistryClientConfig.URL);
        if (url != null && url.toString().startsWith(MEMORY_SCHEME)) {
            return InMemorySchemaRegistry.scope(url.toString().substring(MEMORY_SCHEME.length()));
        }
        RegistryClientConfig config = RegistryClientConfig.from(configs);
        String key = config.baseUrls() + "|" + config.basicAuthUserInfo().map(u -> u.split(":", 2)[0]).orElse("");
        return SHARED.computeIfAbsent(key, k -> new ConfluentRestClient(config));
    }
}
