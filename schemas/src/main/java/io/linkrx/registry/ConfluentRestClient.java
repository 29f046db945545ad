package io.linkrx.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of the Confluent Schema Registry REST API (v1 content type), usable against Confluent, Apicurio's
 * ccompat API, Karapace and Redpanda. Ids never change, so id-to-schema and schema-to-id answers are cached
 * for the life of the client; transient failures (transport, 5xx, 429) are retried with backoff and fail
 * over to the next configured URL.
 */
public final class ConfluentRestClient implements SchemaRegistryClient {
    private static final Logger LOG = LoggerFactory.getLogger(ConfluentRestClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private volatile int preferredUrl;

    public ConfluentRestClient(RegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout());
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), k -> {
            JsonNode answer;
            try {
                answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
            } catch (SchemaRegistryException e) {
                if (e.httpStatus() != 409) {
                    throw e;
                }
                // Some registries (Apicurio) also answer 409 when a concurrent or retried request created the
                // subject first; if this very schema is there now, registering it has succeeded.
                answer = lookupAfterConflict(subject, schema, e);
            }
            int id = answer.path("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    /** The competing creation may not be visible yet: look a few times before calling it an incompatibility. */
    private JsonNode lookupAfterConflict(String subject, Schema schema, SchemaRegistryException conflict) {
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            try {
                return send("POST", "/subjects/" + encode(subject), schemaBody(schema));
            } catch (SchemaRegistryException notThere) {
                if (!notThere.notFound()) {
                    throw conflict;
                }
                sleep(config.retryBackoff().toMillis() << Math.min(attempt, 6));
            }
        }
        throw conflict; // a real incompatibility
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), k -> {
            JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
            int id = answer.path("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, k -> parse(send("GET", "/schemas/ids/" + id, null).path("schema").asText()));
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        Schema schema = parse(answer.path("schema").asText());
        int id = answer.path("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, id, answer.path("version").asInt(), schema);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.notFound()) {
                return true; // nothing registered yet: anything is compatible
            }
            throw e;
        }
    }

    @Override
    public void setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        send("PUT", "/config/" + encode(subject), body.toString());
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static Schema parse(String schemaJson) {
        return new Schema.Parser().parse(schemaJson);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sends with retries on transient failures, rotating through the configured URLs. */
    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException last = null;
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            int urlIndex = (preferredUrl + attempt) % config.baseUrls().size();
            try {
                JsonNode answer = sendOnce(config.baseUrls().get(urlIndex), method, path, body);
                preferredUrl = urlIndex;
                return answer;
            } catch (SchemaRegistryException e) {
                if (!e.retryable()) {
                    throw e;
                }
                last = e;
                LOG.debug("Registry call {} {} failed (attempt {}): {}", method, path, attempt + 1, e.getMessage());
                sleep(config.retryBackoff().toMillis() << Math.min(attempt, 6));
            }
        }
        throw last;
    }

    private JsonNode sendOnce(URI base, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        config.basicAuthUserInfo().ifPresent(userInfo -> request.header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException("Schema registry at " + base + " unreachable: " + e, -1, -1, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while calling the schema registry", -1, -1, e);
        }
        JsonNode answer = readJson(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException(method + " " + path + " answered " + response.statusCode() + ": "
                    + answer.path("message").asText(""), response.statusCode(), answer.path("error_code").asInt(-1));
        }
        return answer;
    }

    private static JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record SubjectSchema(String subject, Schema schema) {}
}
