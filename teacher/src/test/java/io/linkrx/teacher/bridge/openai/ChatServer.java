package io.linkrx.teacher.bridge.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server speaking the OpenAI Chat Completions protocol from a script: each call to
 * {@code /v1/chat/completions} takes the next scripted reply (the last one repeats). It stands for the external
 * API; the requests it received are kept for assertions.
 */
final class ChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, Map<String, String> headers, String body, long delayMs) {
    }

    record Received(JsonNode body, String authorization) {
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    ChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            received.add(new Received(JSON.readTree(in), exchange.getRequestHeaders().getFirst("Authorization")));
            Reply reply = script.size() > 1 ? script.pollFirst() : script.peekFirst();
            if (reply.delayMs() > 0) {
                try {
                    Thread.sleep(reply.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            } catch (IOException e) {
                // the client gave up (timeout test)
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    ChatServer then(int status, Map<String, String> headers, String body) {
        script.addLast(new Reply(status, headers, body, 0));
        return this;
    }

    ChatServer thenSlow(long delayMs, String content) {
        script.addLast(new Reply(200, Map.of(), completion(content, 10, 5), delayMs));
        return this;
    }

    /** A 200 answer whose assistant message is {@code content}, with this usage. */
    ChatServer thenAnswer(String content, int promptTokens, int completionTokens) {
        return then(200, Map.of(), completion(content, promptTokens, completionTokens));
    }

    static String completion(String content, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return root.toString();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
