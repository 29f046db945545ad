package io.linkrx.eval.linking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.grpc.ManagedChannel;
import io.linkrx.serving.client.BreakerPolicy;
import io.linkrx.serving.client.ClientPolicy;
import io.linkrx.serving.client.InferenceClient;
import io.linkrx.serving.client.RetryPolicy;
import io.linkrx.serving.client.SidecarChannels;
import io.linkrx.serving.server.InferenceServer;
import io.linkrx.serving.server.SidecarSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The model-serving sidecar an evaluation scores through: the one at {@code --sidecar host:port}, or a real
 * sidecar server started in this process on a loopback port over the given model repository, so the
 * evaluation exercises exactly the serving path of the pipeline.
 */
final class SidecarSession implements AutoCloseable {
    private final InferenceServer server;
    final InferenceClient client;

    private SidecarSession(InferenceServer server, String target) {
        this.server = server;
        ManagedChannel channel = SidecarChannels.open(target, false, null);
        // evaluation batches are whole documents: generous deadline, no breaker trips on a slow first call
        ClientPolicy policy = new ClientPolicy(Duration.ofSeconds(30), RetryPolicy.retries(2), BreakerPolicy.defaults());
        this.client = new InferenceClient(channel, target, policy, new SimpleMeterRegistry());
    }

    static SidecarSession connect(String target) {
        return new SidecarSession(null, target);
    }

    static SidecarSession start(Path repository) {
        try {
            InferenceServer server = InferenceServer.start(SidecarSettings.of(Map.of(
                    "linkrx.sidecar.grpc.host", "127.0.0.1", "linkrx.sidecar.grpc.port", "0",
                    "linkrx.sidecar.http.host", "127.0.0.1", "linkrx.sidecar.http.port", "0",
                    "linkrx.sidecar.repository", repository.toString(),
                    "linkrx.sidecar.repository.poll.interval.ms", "500",
                    "linkrx.sidecar.ort.device", "cpu")));
            return new SidecarSession(server, "127.0.0.1:" + server.grpcPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the model-serving sidecar: " + e.getMessage(), e);
        }
    }

    /** Waits (up to a minute) until the sidecar serves this model version, e.g. one just exported. */
    void awaitModel(String model, String version) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!client.modelReady(model, version)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sidecar did not load " + model + " version " + version + " within 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + model, e);
            }
        }
    }

    @Override
    public void close() {
        client.close(); // closes the channel too
        if (server != null) {
            server.close();
        }
    }
}
