package io.linkrx.teacher.bridge.openai;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.linkrx.teacher.TeacherException;
import io.linkrx.teacher.TeacherUsage;

/**
 * One Chat Completions call ({@code POST <base>/chat/completions}) with the client-side rate limit, retries with
 * backoff on 429, 5xx, timeouts and connection errors, and token accounting from the answer's {@code usage}.
 * Errors and logs name status codes and attempts, never the prompt or the answer (they hold note text).
 */
final class ChatClient {
    private static final Logger LOG = LoggerFactory.getLogger(ChatClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A chat message. */
    record Message(String role, String content) {
    }

    /** The assistant's text and the tokens the call used. */
    record Reply(String content, int promptTokens, int completionTokens) {
    }

    private final OpenAiSettings settings;
    private final HttpClient http;
    private final RateLimiter limiter;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();

    ChatClient(OpenAiSettings settings, HttpClient http, RateLimiter limiter, Backoff backoff, Sleeper sleeper) {
        this.settings = settings;
        this.http = http;
        this.limiter = limiter;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /** Sends the conversation, asking for a JSON object; retries what may succeed when asked again. */
    Reply complete(List<Message> messages) {
        byte[] body = requestBody(messages);
        String failure = "no attempt";
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            Duration retryAfter = null;
            try {
                limiter.acquire();
                calls.incrementAndGet();
                HttpResponse<String> response = http.send(request(body),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200) {
                    Reply reply = parse(response.body());
                    if (reply != null) {
                        promptTokens.addAndGet(reply.promptTokens());
                        completionTokens.addAndGet(reply.completionTokens());
                        return reply;
                    }
                    failure = "a response that is not a Chat Completions answer";
                } else if (status == 429 || status == 408 || status >= 500) {
                    failure = "HTTP " + status;
                    retryAfter = retryAfter(response);
                } else {
                    throw new TeacherException("teacher endpoint answered HTTP " + status + errorCode(response.body()),
                            false);
                }
            } catch (HttpTimeoutException e) {
                failure = "a timeout after " + settings.requestTimeout().toMillis() + " ms";
            } catch (IOException e) {
                failure = "a connection error (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TeacherException("interrupted while calling the teacher", false, e);
            }
            if (attempt < settings.retries()) {
                Duration delay = backoff.delay(attempt, retryAfter);
                LOG.debug("Teacher call failed with {} (attempt {} of {}); retrying in {} ms", failure, attempt + 1,
                        settings.retries() + 1, delay.toMillis());
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TeacherException("interrupted while waiting to retry the teacher", false, e);
                }
            }
        }
        throw new TeacherException("teacher call failed with " + failure + " after " + (settings.retries() + 1)
                + " attempts", true);
    }

    TeacherUsage usage() {
        long p = promptTokens.get();
        long c = completionTokens.get();
        return new TeacherUsage(calls.get(), p, c, settings.prices().cost(p, c));
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(settings.chatCompletions())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!settings.apiKey().isEmpty()) {
            b.header("Authorization", "Bearer " + settings.apiKey());
        }
        return b.build();
    }

    private byte[] requestBody(List<Message> messages) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", settings.model());
        ArrayNode array = root.putArray("messages");
        for (Message m : messages) {
            array.addObject().put("role", m.role()).put("content", m.content());
        }
        root.put("temperature", settings.temperature());
        root.put("max_tokens", settings.maxTokens());
        // servers that ignore it are tolerated: the answer's first JSON value is extracted
        root.putObject("response_format").put("type", "json_object");
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new TeacherException("cannot encode the teacher request", false, e);
        }
    }

    /** The first choice's content and the usage, or null when the body is not a Chat Completions answer. */
    private static Reply parse(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode content = root == null ? null : root.path("choices").path(0).path("message").get("content");
            if (content == null || !content.isTextual()) {
                return null;
            }
            JsonNode usage = root.path("usage");
            return new Reply(content.asText(), usage.path("prompt_tokens").asInt(0),
                    usage.path("completion_tokens").asInt(0));
        } catch (IOException e) {
            return null;
        }
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value) * 1000)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The provider's machine-readable error code ({@code error.code} or {@code error.type}), never its message. */
    private static String errorCode(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String code = error.path("code").asText(error.path("type").asText(""));
            return code.isEmpty() || !code.matches("[A-Za-z0-9_.-]{1,64}") ? "" : " (" + code + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
