package io.linkrx.app;

import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.linkrx.serving.oip.GRPCInferenceServiceGrpc;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Open Inference Protocol server on a loopback port serving {@code encoder}: hashed character trigrams,
 * L2-normalised (deterministic, so tests can reason about which name is closest to a context).
 */
final class LoopbackEncoderServer extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase implements AutoCloseable {
    static final int WIDTH = 512;

    final AtomicInteger inferCalls = new AtomicInteger();
    private final String version;
    private final Server server;

    LoopbackEncoderServer(String version) throws IOException {
        this.version = version;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(this).build().start();
    }

    String target() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> response) {
        inferCalls.incrementAndGet();
        ByteBuffer in = request.getRawInputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<String> texts = new ArrayList<>();
        while (in.hasRemaining()) {
            byte[] element = new byte[in.getInt()];
            in.get(element);
            texts.add(new String(element, StandardCharsets.UTF_8));
        }
        ByteBuffer out = ByteBuffer.allocate(texts.size() * WIDTH * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        texts.forEach(t -> {
            for (float x : embed(t)) {
                out.putFloat(x);
            }
        });
        response.onNext(ModelInferResponse.newBuilder().setModelName(request.getModelName()).setModelVersion(version)
                .addOutputs(ModelInferResponse.InferOutputTensor.newBuilder().setName("EMBEDDING").setDatatype("FP32")
                        .addShape(texts.size()).addShape(WIDTH))
                .addRawOutputContents(ByteString.copyFrom(out.flip())).build());
        response.onCompleted();
    }

    static float[] embed(String text) {
        String padded = "  " + text.toLowerCase(Locale.ROOT) + " ";
        float[] v = new float[WIDTH];
        for (int i = 0; i + 3 <= padded.length(); i++) {
            v[Math.floorMod(padded.substring(i, i + 3).hashCode(), WIDTH)] += 1f;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < WIDTH; i++) {
            v[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return v;
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
}
