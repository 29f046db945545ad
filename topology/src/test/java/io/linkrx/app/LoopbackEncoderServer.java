package io.linkrx.app;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.linkrx.serving.client.TrigramEncoderService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Open Inference Protocol server on a loopback port serving {@code encoder} with the deterministic
 * trigram model of processors' tests, so stage tests go through a real network channel as the app does.
 */
final class LoopbackEncoderServer implements AutoCloseable {
    private final TrigramEncoderService service = new TrigramEncoderService();
    private final Server server;
    final AtomicInteger inferCalls = service.inferCalls;

    LoopbackEncoderServer(String version) throws IOException {
        service.version = version;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service).build().start();
    }

    String target() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
}
