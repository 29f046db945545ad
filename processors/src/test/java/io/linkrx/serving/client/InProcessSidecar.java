package io.linkrx.serving.client;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A real gRPC server with the {@link TrigramEncoderService}, in-process, that tests can stop and restart under the same name. */
public final class InProcessSidecar implements AutoCloseable {
    public final TrigramEncoderService service = new TrigramEncoderService();
    private final String name = InProcessServerBuilder.generateName();
    private Server server;

    public InProcessSidecar start() {
        try {
            server = InProcessServerBuilder.forName(name).addService(service).build().start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
    }

    public ManagedChannel channel() {
        return InProcessChannelBuilder.forName(name).build();
    }

    public InferenceClient client(ClientPolicy policy, MeterRegistry registry, LongSupplier ticker) {
        return new InferenceClient(channel(), name, policy, registry, ticker);
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null && !server.isShutdown()) {
            stop();
        }
    }
}
