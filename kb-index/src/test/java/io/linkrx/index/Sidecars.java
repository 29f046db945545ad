package io.linkrx.index;

import io.linkrx.serving.client.BreakerPolicy;
import io.linkrx.serving.client.ClientPolicy;
import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.InProcessSidecar;
import io.linkrx.serving.client.RetryPolicy;
import io.linkrx.serving.client.TrigramEncoderService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/** Encoder clients of a real in-process gRPC sidecar serving the deterministic {@link TrigramEncoderService}. */
final class Sidecars {
    /** No retries, and a breaker that a few failures do not open. */
    static final ClientPolicy POLICY = new ClientPolicy(Duration.ofSeconds(10), RetryPolicy.retries(0),
            new BreakerPolicy(100, 1.0, 200, Duration.ofSeconds(30)));

    private Sidecars() {
    }

    static EncoderClient encoder(InProcessSidecar sidecar) {
        return new EncoderClient(sidecar.client(POLICY, new SimpleMeterRegistry(), System::nanoTime),
                TrigramEncoderService.MODEL, 0);
    }
}
