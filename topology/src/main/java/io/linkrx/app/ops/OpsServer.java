package io.linkrx.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Liveness, readiness and Prometheus metrics over plain HTTP for probes and scrapers:
 * {@code /health/live} fails only when the app cannot recover by itself (Streams in ERROR or stopped);
 * {@code /health/ready} succeeds only while Streams is RUNNING; {@code /metrics} is the Prometheus text format.
 */
public final class OpsServer implements AutoCloseable {
    private final HttpServer server;

    public OpsServer(String host, int port, Supplier<KafkaStreams.State> state, PrometheusMeterRegistry metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/health/live", ex -> {
            KafkaStreams.State s = state.get();
            boolean alive = s != KafkaStreams.State.ERROR && s != KafkaStreams.State.PENDING_ERROR
                    && s != KafkaStreams.State.NOT_RUNNING;
            respond(ex, alive ? 200 : 503, "application/json", "{\"status\":\"" + (alive ? "UP" : "DOWN") + "\",\"streams\":\"" + s + "\"}");
        });
        server.createContext("/health/ready", ex -> {
            KafkaStreams.State s = state.get();
            boolean ready = s == KafkaStreams.State.RUNNING;
            respond(ex, ready ? 200 : 503, "application/json", "{\"status\":\"" + (ready ? "UP" : "DOWN") + "\",\"streams\":\"" + s + "\"}");
        });
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "linkrx-ops-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
