package io.linkrx.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Connection settings of a registry client, read from the same keys Confluent's clients use, so existing
 * client configuration files work unchanged.
 */
public record RegistryClientConfig(
        List<URI> baseUrls,
        Optional<String> basicAuthUserInfo,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration retryBackoff,
        Optional<SSLContext> sslContext) {

    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String MAX_RETRIES = "schema.registry.max.retries";
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String SSL_PREFIX = "schema.registry.ssl.";

    public RegistryClientConfig {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("'" + URL + "' is required");
        }
        baseUrls = List.copyOf(baseUrls);
    }

    /** Reads the configuration; unknown keys are ignored so a whole Kafka client config can be passed. */
    public static RegistryClientConfig from(Map<String, ?> configs) {
        Object url = configs.get(URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("'" + URL + "' is required (e.g. http://localhost:8081)");
        }
        List<URI> urls = Arrays.stream(url.toString().split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s))
                .toList();
        return new RegistryClientConfig(
                urls,
                basicAuth(configs, urls),
                Duration.ofMillis(longValue(configs, CONNECT_TIMEOUT_MS, 5_000)),
                Duration.ofMillis(longValue(configs, REQUEST_TIMEOUT_MS, 10_000)),
                (int) longValue(configs, MAX_RETRIES, 3),
                Duration.ofMillis(longValue(configs, RETRY_BACKOFF_MS, 200)),
                sslContext(configs));
    }

    private static Optional<String> basicAuth(Map<String, ?> configs, List<URI> urls) {
        Object source = configs.get(BASIC_AUTH_SOURCE);
        if (source != null && "URL".equalsIgnoreCase(source.toString())) {
            return urls.stream().map(URI::getUserInfo).filter(u -> u != null && !u.isEmpty()).findFirst();
        }
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        return userInfo == null || userInfo.toString().isBlank() ? Optional.empty() : Optional.of(userInfo.toString());
    }

    private static long longValue(Map<String, ?> configs, String key, long defaultValue) {
        Object v = configs.get(key);
        if (v == null || v.toString().isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a number, was '" + v + "'", e);
        }
    }

    /** TLS from trust/key stores (JKS or PKCS12), when a truststore or keystore is configured. */
    private static Optional<SSLContext> sslContext(Map<String, ?> configs) {
        String trustLocation = string(configs, SSL_PREFIX + "truststore.location");
        String keyLocation = string(configs, SSL_PREFIX + "keystore.location");
        if (trustLocation == null && keyLocation == null) {
            return Optional.empty();
        }
        try {
            TrustManagerFactory tmf = null;
            if (trustLocation != null) {
                KeyStore trust = loadStore(trustLocation, string(configs, SSL_PREFIX + "truststore.password"),
                        string(configs, SSL_PREFIX + "truststore.type"));
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            KeyManagerFactory kmf = null;
            if (keyLocation != null) {
                String storePassword = string(configs, SSL_PREFIX + "keystore.password");
                KeyStore keys = loadStore(keyLocation, storePassword, string(configs, SSL_PREFIX + "keystore.type"));
                String keyPassword = string(configs, SSL_PREFIX + "key.password");
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, chars(keyPassword != null ? keyPassword : storePassword));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return Optional.of(ctx);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot set up TLS for the schema registry: " + e.getMessage(), e);
        }
    }

    private static KeyStore loadStore(String location, String password, String type) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type == null ? "PKCS12" : type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, chars(password));
        }
        return store;
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

    private static String string(Map<String, ?> configs, String key) {
        Object v = configs.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }
}
