package io.linkrx.serving.client;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.linkrx.serving.oip.GRPCInferenceServiceGrpc;
import io.linkrx.serving.oip.InferTensorContents;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferResponse;
import io.linkrx.serving.oip.ModelReadyRequest;
import io.linkrx.serving.oip.ModelReadyResponse;
import io.linkrx.serving.oip.ServerReadyRequest;
import io.linkrx.serving.oip.ServerReadyResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Open Inference Protocol server implementation with a deterministic encoder model: hashed character
 * trigrams of the lower-cased text, L2-normalised. Serves model {@value #MODEL}; counts its inference calls and
 * can be told to fail, to hold calls, or to answer with typed contents or a wrong shape.
 */
public final class TrigramEncoderService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {
    public static final String MODEL = "encoder";
    public static final int WIDTH = 512;

    public final AtomicInteger inferCalls = new AtomicInteger();
    public final List<List<String>> batches = java.util.Collections.synchronizedList(new ArrayList<>());
    public volatile String version = "1";
    public volatile boolean typedOutputs;
    public volatile boolean wrongShape;
    /** fail this many coming calls with {@link #failure} (negative: every call) */
    public final AtomicInteger failuresLeft = new AtomicInteger();
    public volatile Status failure = Status.UNAVAILABLE;
    /** when set, calls wait until it is released */
    public volatile CountDownLatch hold;

    public void failAll(Status status) {
        failure = status;
        failuresLeft.set(-1);
    }

    public void failNext(int calls, Status status) {
        failure = status;
        failuresLeft.set(calls);
    }

    public void heal() {
        failuresLeft.set(0);
    }

    /** The model: what the server computes for one text. */
    public static float[] embed(String text) {
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
    public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> response) {
        response.onNext(ServerReadyResponse.newBuilder().setReady(true).build());
        response.onCompleted();
    }

    @Override
    public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> response) {
        response.onNext(ModelReadyResponse.newBuilder().setReady(MODEL.equals(request.getName())).build());
        response.onCompleted();
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> response) {
        inferCalls.incrementAndGet();
        int left = failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : n);
        if (left != 0) {
            response.onError(failure.asRuntimeException());
            return;
        }
        CountDownLatch latch = hold;
        if (latch != null) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!MODEL.equals(request.getModelName())) {
            response.onError(Status.NOT_FOUND.withDescription("unknown model").asRuntimeException());
            return;
        }
        List<String> texts;
        try {
            texts = texts(request);
        } catch (io.grpc.StatusRuntimeException e) {
            response.onError(e);
            return;
        }
        batches.add(texts);
        response.onNext(answer(request, texts));
        response.onCompleted();
    }

    private ModelInferResponse answer(ModelInferRequest request, List<String> texts) {
        int rows = wrongShape ? texts.size() + 1 : texts.size();
        ModelInferResponse.InferOutputTensor.Builder output = ModelInferResponse.InferOutputTensor.newBuilder()
                .setName("EMBEDDING").setDatatype("FP32").addShape(rows).addShape(WIDTH);
        ModelInferResponse.Builder answer = ModelInferResponse.newBuilder().setModelName(MODEL).setModelVersion(version)
                .setId(request.getId());
        ByteBuffer raw = ByteBuffer.allocate(rows * WIDTH * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        InferTensorContents.Builder typed = InferTensorContents.newBuilder();
        for (int r = 0; r < rows; r++) {
            for (float x : embed(texts.get(Math.min(r, texts.size() - 1)))) {
                raw.putFloat(x);
                typed.addFp32Contents(x);
            }
        }
        if (typedOutputs) {
            return answer.addOutputs(output.setContents(typed)).build();
        }
        return answer.addOutputs(output).addRawOutputContents(ByteString.copyFrom(raw.flip())).build();
    }

    /** The TEXT input, raw (length-prefixed) or typed. */
    static List<String> texts(ModelInferRequest request) {
        if (request.getInputsCount() != 1 || !"TEXT".equals(request.getInputs(0).getName())
                || !"BYTES".equals(request.getInputs(0).getDatatype())) {
            throw Status.INVALID_ARGUMENT.withDescription("expected one BYTES input TEXT").asRuntimeException();
        }
        List<String> texts = new ArrayList<>();
        if (request.getRawInputContentsCount() > 0) {
            ByteBuffer raw = request.getRawInputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            while (raw.hasRemaining()) {
                byte[] element = new byte[raw.getInt()];
                raw.get(element);
                texts.add(new String(element, StandardCharsets.UTF_8));
            }
        } else {
            request.getInputs(0).getContents().getBytesContentsList().forEach(b -> texts.add(b.toStringUtf8()));
        }
        if (texts.size() != request.getInputs(0).getShape(0)) {
            throw Status.INVALID_ARGUMENT.withDescription("shape does not match the contents").asRuntimeException();
        }
        return texts;
    }
}
