package io.linkrx.serving.grpc;

import static io.linkrx.serving.grpc.OipRequests.floats;
import static io.linkrx.serving.grpc.OipRequests.longs;
import static io.linkrx.serving.grpc.OipRequests.rows;
import static io.linkrx.serving.repository.TestRepos.model;
import static io.linkrx.serving.repository.TestRepos.rowSumConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.linkrx.serving.batch.RowSumModel;
import io.linkrx.serving.oip.GRPCInferenceServiceGrpc;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferResponse;
import io.linkrx.serving.oip.ModelMetadataRequest;
import io.linkrx.serving.oip.ModelMetadataResponse;
import io.linkrx.serving.oip.ModelReadyRequest;
import io.linkrx.serving.oip.ServerLiveRequest;
import io.linkrx.serving.oip.ServerMetadataRequest;
import io.linkrx.serving.oip.ServerReadyRequest;
import io.linkrx.serving.repository.ModelLoaders;
import io.linkrx.serving.repository.ModelRepository;
import io.linkrx.serving.repository.RepositoryOptions;
import io.linkrx.serving.repository.TestRowSumLoader;
import io.linkrx.serving.repository.TestTextLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceServiceTest {
    private static final String PHI = "Jane Doe MRN 123456";

    @TempDir
    Path repo;
    private ModelRepository repository;
    private Server server;
    private ManagedChannel channel;
    private GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub;
    private final List<String> completed = new CopyOnWriteArrayList<>();

    private void start(int maxOutboundBytes) throws Exception {
        repository = new ModelRepository(repo, RepositoryOptions.defaults().withPollInterval(Duration.ZERO),
                ModelLoaders.discover(), io.linkrx.serving.repository.RepositoryListener.NONE);
        InferenceService service = new InferenceService(repository, (model, code, nanos) -> completed.add(model + " " + code),
                maxOutboundBytes, "test");
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).addService(service).build().start();
        channel = InProcessChannelBuilder.forName(name).build();
        stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
    }

    private void startWithModels() throws Exception {
        model(repo, "sum", rowSumConfig("sum", 8, "dynamic_batching { }\n"), 1, 2);
        model(repo, "text", "max_batch_size: 16\nparameters { key: \"kind\" value { string_value: \"" + TestTextLoader.KIND + "\" } }\n", 1);
        start(64 << 20);
        repository.poll();
    }

    @AfterEach
    void stop() throws Exception {
        TestRowSumLoader.LOAD_GATES.clear();
        TestRowSumLoader.LOAD_ENTERED.clear();
        if (channel != null) {
            channel.shutdownNow();
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (repository != null) {
            repository.close();
        }
    }

    /** The observer hears of a call just after its answer went out: wait for it. */
    private List<String> completedAfter(int calls) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (completed.size() < calls && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        return completed;
    }

    private static Status.Code code(Runnable call) {
        try {
            call.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    private StatusRuntimeException failure(ModelInferRequest request) {
        try {
            stub.modelInfer(request);
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("the request succeeded");
    }

    @Test
    void rawRequestsGetRawAnswersAndTypedRequestsTypedOnesWithTheSameValues() throws Exception {
        startWithModels();

        ModelInferResponse raw = stub.modelInfer(rows("sum", true, new float[] {1, 2, 3}, new float[] {4, 5, 6}));
        ModelInferResponse typed = stub.modelInfer(rows("sum", false, new float[] {1, 2, 3}, new float[] {4, 5, 6}));

        assertThat(raw.getRawOutputContentsCount()).isEqualTo(4);
        assertThat(raw.getOutputs(0).hasContents()).isFalse();
        assertThat(typed.getRawOutputContentsCount()).isZero();
        assertThat(floats(raw, "sum")).containsExactly(6, 15);
        assertThat(floats(typed, "sum")).containsExactly(6, 15);
        assertThat(floats(raw, "echo")).containsExactly(floats(typed, "echo"));
        for (ModelInferResponse r : List.of(raw, typed)) {
            assertThat(r.getModelName()).isEqualTo("sum");
            assertThat(r.getModelVersion()).isEqualTo("2");
            assertThat(r.getId()).isEqualTo("req-1");
            assertThat(r.getOutputs(0).getShapeList()).containsExactly(2L, 1L);
        }
        assertThat(completedAfter(2)).containsExactly("sum OK", "sum OK");
    }

    @Test
    void requestedOutputsAreTheOnlyOnesReturnedInTheRequestedOrder() throws Exception {
        startWithModels();
        ModelInferRequest request = rows("sum", true, new float[] {2, 2}).toBuilder()
                .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("version"))
                .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("sum"))
                .build();

        ModelInferResponse r = stub.modelInfer(request);

        assertThat(r.getOutputsList()).extracting(ModelInferResponse.InferOutputTensor::getName).containsExactly("version", "sum");
        assertThat(r.getRawOutputContentsCount()).isEqualTo(2);
        assertThat(longs(r, "version")).containsExactly(2);
        assertThat(floats(r, "sum")).containsExactly(4);
    }

    @Test
    void aRequestMayNameAVersion() throws Exception {
        model(repo, "sum", rowSumConfig("sum", 8, "version_policy: { all: {} }\n"), 1, 2);
        start(64 << 20);
        repository.poll();

        ModelInferResponse r = stub.modelInfer(rows("sum", true, new float[] {1}).toBuilder().setModelVersion("1").build());

        assertThat(r.getModelVersion()).isEqualTo("1");
        assertThat(longs(r, "version")).containsExactly(1);
    }

    @Test
    void bytesInputsWorkRawAndTyped() throws Exception {
        startWithModels();

        ModelInferResponse raw = stub.modelInfer(OipRequests.texts("text", true, "aspirin", "", "naïve"));
        ModelInferResponse typed = stub.modelInfer(OipRequests.texts("text", false, "aspirin", "", "naïve"));

        assertThat(longs(raw, "length")).containsExactly(7, 0, 6);
        assertThat(longs(typed, "length")).containsExactly(7, 0, 6);
        assertThat(raw.getModelVersion()).isEqualTo("1");
    }

    @Test
    void healthAndMetadataCallsDescribeTheServerAndItsModels() throws Exception {
        startWithModels();

        assertThat(stub.serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
        assertThat(stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();
        assertThat(stub.modelReady(ModelReadyRequest.newBuilder().setName("sum").build()).getReady()).isTrue();
        assertThat(stub.modelReady(ModelReadyRequest.newBuilder().setName("sum").setVersion("1").build()).getReady()).isFalse();
        assertThat(stub.modelReady(ModelReadyRequest.newBuilder().setName("nope").build()).getReady()).isFalse();
        assertThat(stub.serverMetadata(ServerMetadataRequest.getDefaultInstance()).getName()).isEqualTo("linkrx-sidecar");

        ModelMetadataResponse meta = stub.modelMetadata(ModelMetadataRequest.newBuilder().setName("sum").build());
        assertThat(meta.getName()).isEqualTo("sum");
        assertThat(meta.getVersionsList()).containsExactly("2");
        assertThat(meta.getPlatform()).isEqualTo("linkrx_test");
        assertThat(meta.getInputs(0).getName()).isEqualTo("x");
        assertThat(meta.getInputs(0).getDatatype()).isEqualTo("FP32");
        assertThat(meta.getInputs(0).getShapeList()).containsExactly(-1L, -1L);
        assertThat(meta.getOutputsList()).extracting(ModelMetadataResponse.TensorMetadata::getName)
                .containsExactly("sum", "echo", "version", "batch_rows");
        assertThat(code(() -> stub.modelMetadata(ModelMetadataRequest.newBuilder().setName("nope").build())))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void unknownModelsAndVersionsAreNotFound() throws Exception {
        startWithModels();

        StatusRuntimeException unknown = failure(rows("nope", true, new float[] {1}));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(unknown.getStatus().getDescription()).isEqualTo("unknown model 'nope'");
        assertThat(failure(rows("sum", true, new float[] {1}).toBuilder().setModelVersion("1").build()).getStatus().getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        // observations are recorded when the server call completes, after the client already has its answer: no order
        assertThat(completedAfter(2)).containsExactlyInAnyOrder("_unknown NOT_FOUND", "sum NOT_FOUND");
    }

    @Test
    void requestsThatDoNotFitTheModelAreInvalidArgumentsAndNeverEchoTheirText() throws Exception {
        startWithModels();

        StatusRuntimeException wrongType = failure(OipRequests.texts("sum", false, PHI));
        assertThat(wrongType.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(wrongType.getStatus().getDescription()).isEqualTo("model 'sum' has no input 'text' (inputs: x)");

        ModelInferRequest badShape = ModelInferRequest.newBuilder().setModelName("text")
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("text").setDatatype("BYTES").addShape(1).addShape(2)
                        .setContents(io.linkrx.serving.oip.InferTensorContents.newBuilder()
                                .addBytesContents(com.google.protobuf.ByteString.copyFromUtf8(PHI))
                                .addBytesContents(com.google.protobuf.ByteString.copyFromUtf8(PHI))))
                .build();
        StatusRuntimeException shape = failure(badShape);
        assertThat(shape.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(shape.getStatus().getDescription()).contains("must have shape [-1, 1]").doesNotContain("Jane");

        StatusRuntimeException tooBig = failure(rows("sum", true, new float[9][1]));
        assertThat(tooBig.getStatus().getDescription()).contains("batch of 9 exceeds the max_batch_size 8");

        StatusRuntimeException noOutput = failure(rows("sum", true, new float[] {1}).toBuilder()
                .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("logits")).build());
        assertThat(noOutput.getStatus().getDescription()).contains("has no output 'logits'");

        StatusRuntimeException modelSaysInvalid = failure(rows("sum", true, new float[] {Float.NaN}));
        assertThat(modelSaysInvalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void aModelFailureIsInternal() throws Exception {
        startWithModels();

        StatusRuntimeException e = failure(rows("sum", true, new float[] {Float.POSITIVE_INFINITY}));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(e.getStatus().getDescription()).isEqualTo("kernel failed");
    }

    @Test
    void aFullQueueAnswersResourceExhausted() throws Exception {
        model(repo, "sum", rowSumConfig("sum", 8, "parameters { key: \"max_queue_size\" value { string_value: \"1\" } }\n"), 1);
        start(64 << 20);
        repository.poll();
        RowSumModel model = TestRowSumLoader.model("sum", "1").closeGate();
        GRPCInferenceServiceGrpc.GRPCInferenceServiceFutureStub async = GRPCInferenceServiceGrpc.newFutureStub(channel);
        var running = async.modelInfer(rows("sum", true, new float[] {1}));
        assertThat(model.awaitEntered(10)).isTrue();
        var queued = async.modelInfer(rows("sum", true, new float[] {2}));
        while (repository.queueDepth("sum") < 1) {
            Thread.sleep(5);
        }

        StatusRuntimeException full = failure(rows("sum", true, new float[] {3}));

        assertThat(full.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(full.getStatus().getDescription()).contains("queue of model 'sum' is full");
        model.open();
        assertThat(floats(running.get(10, TimeUnit.SECONDS), "sum")).containsExactly(1);
        assertThat(floats(queued.get(10, TimeUnit.SECONDS), "sum")).containsExactly(2);
    }

    @Test
    void aRequestWhoseDeadlinePassesInTheQueueIsDeadlineExceededAndNeverRuns() throws Exception {
        model(repo, "sum", rowSumConfig("sum", 8, ""), 1);
        start(64 << 20);
        repository.poll();
        RowSumModel model = TestRowSumLoader.model("sum", "1").closeGate();
        var running = GRPCInferenceServiceGrpc.newFutureStub(channel).modelInfer(rows("sum", true, new float[] {1}));
        assertThat(model.awaitEntered(10)).isTrue();

        Status.Code late = code(() -> stub.withDeadlineAfter(200, TimeUnit.MILLISECONDS)
                .modelInfer(rows("sum", true, new float[] {5})));

        assertThat(late).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        model.open();
        running.get(10, TimeUnit.SECONDS);
        assertThat(floats(stub.modelInfer(rows("sum", true, new float[] {7})), "sum")).containsExactly(7);
        assertThat(model.batchRows()).containsExactly(1, 1); // the late request never reached the model
        assertThat(completedAfter(3)).contains("sum DEADLINE_EXCEEDED");
    }

    @Test
    void aModelStillLoadingAnswersUnavailable() throws Exception {
        model(repo, "sum", rowSumConfig("sum", 8, ""), 1);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        TestRowSumLoader.LOAD_GATES.put("sum", gate);
        TestRowSumLoader.LOAD_ENTERED.put("sum", entered);
        start(64 << 20);
        Thread loader = new Thread(repository::poll);
        loader.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        StatusRuntimeException loading = failure(rows("sum", true, new float[] {1}));
        assertThat(loading.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(loading.getStatus().getDescription()).isEqualTo("model 'sum' is loading");
        assertThat(stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isFalse();
        assertThat(stub.serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();

        gate.countDown();
        loader.join(10_000);
        assertThat(stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();
        assertThat(floats(stub.modelInfer(rows("sum", true, new float[] {1})), "sum")).containsExactly(1);
    }

    @Test
    void anAnswerLargerThanTheOutboundLimitIsResourceExhausted() throws Exception {
        model(repo, "sum", rowSumConfig("sum", 8, ""), 1);
        start(100);
        repository.poll();

        StatusRuntimeException e = failure(rows("sum", true, new float[64]));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(e.getStatus().getDescription()).contains("exceeds the sidecar's max outbound message size of 100 bytes");
    }

    @Test
    void concurrentCallersAreBatchedTogether() throws Exception {
        model(repo, "sum", rowSumConfig("sum", 8, "dynamic_batching { max_queue_delay_microseconds: 60000000 preferred_batch_size: [ 4 ] }\n"), 1);
        start(64 << 20);
        repository.poll();
        GRPCInferenceServiceGrpc.GRPCInferenceServiceFutureStub async = GRPCInferenceServiceGrpc.newFutureStub(channel);

        List<com.google.common.util.concurrent.ListenableFuture<ModelInferResponse>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(async.modelInfer(rows("sum", i % 2 == 0, new float[] {i, i})));
        }

        for (int i = 0; i < 4; i++) {
            ModelInferResponse r = calls.get(i).get(10, TimeUnit.SECONDS);
            assertThat(floats(r, "sum")).containsExactly(2 * i);
            assertThat(r.getRawOutputContentsCount()).isEqualTo(i % 2 == 0 ? 4 : 0);
        }
        // the first caller waits (up to a minute) for company; the fourth completes the preferred size 4
        assertThat(TestRowSumLoader.model("sum", "1").batchRows()).containsExactly(4);
    }
}
