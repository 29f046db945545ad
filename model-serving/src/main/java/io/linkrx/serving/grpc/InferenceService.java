package io.linkrx.serving.grpc;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.oip.GRPCInferenceServiceGrpc;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferResponse;
import io.linkrx.serving.oip.ModelMetadataRequest;
import io.linkrx.serving.oip.ModelMetadataResponse;
import io.linkrx.serving.oip.ModelReadyRequest;
import io.linkrx.serving.oip.ModelReadyResponse;
import io.linkrx.serving.oip.ServerLiveRequest;
import io.linkrx.serving.oip.ServerLiveResponse;
import io.linkrx.serving.oip.ServerMetadataRequest;
import io.linkrx.serving.oip.ServerMetadataResponse;
import io.linkrx.serving.oip.ServerReadyRequest;
import io.linkrx.serving.oip.ServerReadyResponse;
import io.linkrx.serving.repository.ModelLease;
import io.linkrx.serving.repository.ModelNotFoundException;
import io.linkrx.serving.repository.ModelRepository;
import io.linkrx.serving.repository.ModelStatus;
import io.linkrx.serving.repository.ModelUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The KServe v2 / Open Inference Protocol service over the model repository. ModelInfer never blocks a gRPC
 * thread: it queues the request with the model version's batcher and answers when the batch is done.
 */
public final class InferenceService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {
    public static final String SERVER_NAME = "linkrx-sidecar";
    static final String UNKNOWN_MODEL_LABEL = "_unknown";

    private final ModelRepository repository;
    private final RequestObserver observer;
    private final int maxOutboundBytes;
    private final String serverVersion;
    private volatile boolean draining;

    public InferenceService(ModelRepository repository, RequestObserver observer, int maxOutboundBytes, String serverVersion) {
        this.repository = repository;
        this.observer = observer;
        this.maxOutboundBytes = maxOutboundBytes;
        this.serverVersion = serverVersion;
    }

    /** Shutting down: ServerReady answers false so load balancers and clients move on. */
    public void drain() {
        draining = true;
    }

    @Override
    public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> out) {
        out.onNext(ServerLiveResponse.newBuilder().setLive(true).build());
        out.onCompleted();
    }

    @Override
    public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> out) {
        out.onNext(ServerReadyResponse.newBuilder().setReady(!draining && repository.ready()).build());
        out.onCompleted();
    }

    @Override
    public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> out) {
        boolean ready;
        try (ModelLease ignored = repository.acquire(request.getName(), request.getVersion())) {
            ready = !draining;
        } catch (ModelNotFoundException | ModelUnavailableException e) {
            ready = false;
        }
        out.onNext(ModelReadyResponse.newBuilder().setReady(ready).build());
        out.onCompleted();
    }

    @Override
    public void serverMetadata(ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> out) {
        out.onNext(ServerMetadataResponse.newBuilder().setName(SERVER_NAME).setVersion(serverVersion).build());
        out.onCompleted();
    }

    @Override
    public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> out) {
        try (ModelLease lease = repository.acquire(request.getName(), request.getVersion())) {
            ServedModel model = lease.model();
            ModelMetadataResponse.Builder b = ModelMetadataResponse.newBuilder()
                    .setName(request.getName())
                    .setPlatform(model.platform());
            repository.status(request.getName()).map(ModelStatus::loadedVersions).orElse(List.of(lease.version()))
                    .forEach(b::addVersions);
            model.inputs().forEach(s -> b.addInputs(metadata(s)));
            model.outputs().forEach(s -> b.addOutputs(metadata(s)));
            out.onNext(b.build());
            out.onCompleted();
        } catch (ModelNotFoundException | ModelUnavailableException e) {
            out.onError(GrpcErrors.toStatus(e, request.getName()).asRuntimeException());
        }
    }

    private static ModelMetadataResponse.TensorMetadata metadata(TensorSpec spec) {
        ModelMetadataResponse.TensorMetadata.Builder b = ModelMetadataResponse.TensorMetadata.newBuilder()
                .setName(spec.name())
                .setDatatype(spec.type().protocolName());
        for (long d : spec.shape()) {
            b.addShape(d);
        }
        return b.build();
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> responseObserver) {
        String model = request.getModelName();
        Call call = new Call((ServerCallStreamObserver<ModelInferResponse>) responseObserver,
                repository.contains(model) ? model : UNKNOWN_MODEL_LABEL, Context.current().getDeadline());
        if (call.deadline != null && call.deadline.isExpired()) {
            call.fail(Status.DEADLINE_EXCEEDED.withDescription("deadline passed before the request was read"));
            return;
        }
        ModelLease lease = null;
        try {
            TensorCodec.DecodedInputs decoded = TensorCodec.decodeInputs(request);
            lease = repository.acquire(model, request.getModelVersion());
            int rows = InputValidator.validate(lease.model(), decoded.tensors(), lease.batcher().policy().enabled());
            List<String> requested = request.getOutputsList().stream().map(ModelInferRequest.InferRequestedOutputTensor::getName).toList();
            InputValidator.validateRequestedOutputs(lease.model(), requested);

            long deadlineNanoTime = call.deadline == null ? 0 : System.nanoTime() + call.deadline.timeRemaining(TimeUnit.NANOSECONDS);
            CompletableFuture<List<Tensor>> result = lease.batcher().submit(decoded.tensors(), rows, deadlineNanoTime, call.deadline != null);
            // a caller that leaves (cancel, deadline) takes its request out of the queue
            call.out.setOnCancelHandler(() -> result.cancel(false));
            ModelLease held = lease;
            lease = null;
            result.whenComplete((outputs, failure) -> {
                String version = held.version();
                held.close();
                if (failure != null) {
                    call.fail(GrpcErrors.toStatus(failure, model));
                } else {
                    respond(call, request, version, outputs, requested, decoded.raw());
                }
            });
        } catch (Exception e) {
            call.fail(GrpcErrors.toStatus(e, model));
        } finally {
            if (lease != null) {
                lease.close();
            }
        }
    }

    private void respond(Call call, ModelInferRequest request, String version, List<Tensor> outputs, List<String> requested, boolean raw) {
        try {
            List<Tensor> selected = select(outputs, requested, request.getModelName());
            ModelInferResponse.Builder b = ModelInferResponse.newBuilder()
                    .setModelName(request.getModelName())
                    .setModelVersion(version)
                    .setId(request.getId());
            TensorCodec.encodeOutputs(b, selected, raw);
            ModelInferResponse response = b.build();
            int size = response.getSerializedSize();
            if (size > maxOutboundBytes) {
                call.fail(Status.RESOURCE_EXHAUSTED.withDescription("response of " + size
                        + " bytes exceeds the sidecar's max outbound message size of " + maxOutboundBytes + " bytes; send fewer rows"));
                return;
            }
            call.succeed(response);
        } catch (InvalidRequestException e) {
            call.fail(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
        } catch (RuntimeException e) {
            call.fail(GrpcErrors.toStatus(e, request.getModelName()));
        }
    }

    /** The requested outputs in the requested order; all outputs when none were named. */
    private static List<Tensor> select(List<Tensor> outputs, List<String> requested, String model) throws InvalidRequestException {
        if (requested.isEmpty()) {
            return outputs;
        }
        List<Tensor> selected = new ArrayList<>(requested.size());
        for (String name : requested) {
            Tensor found = outputs.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                    new InvalidRequestException("model '" + model + "' produced no output '" + TensorCodec.safe(name) + "'"));
            selected.add(found);
        }
        return selected;
    }

    /** One ModelInfer call: answers exactly once and reports its outcome to the observer. */
    private final class Call {
        final ServerCallStreamObserver<ModelInferResponse> out;
        final String label;
        final Deadline deadline;
        final long start = System.nanoTime();

        Call(ServerCallStreamObserver<ModelInferResponse> out, String label, Deadline deadline) {
            this.out = out;
            this.label = label;
            this.deadline = deadline;
        }

        void succeed(ModelInferResponse response) {
            if (out.isCancelled()) {
                report(gone());
                return;
            }
            try {
                out.onNext(response);
                out.onCompleted();
                report(Status.Code.OK);
            } catch (IllegalStateException | io.grpc.StatusRuntimeException e) {
                report(gone()); // the client left between the check and the answer
            }
        }

        void fail(Status status) {
            if (out.isCancelled()) {
                report(gone());
                return;
            }
            try {
                out.onError(status.asRuntimeException());
                report(status.getCode());
            } catch (IllegalStateException | io.grpc.StatusRuntimeException e) {
                report(gone());
            }
        }

        private Status.Code gone() {
            return deadline != null && deadline.isExpired() ? Status.Code.DEADLINE_EXCEEDED : Status.Code.CANCELLED;
        }

        private void report(Status.Code code) {
            observer.requestCompleted(label, code, System.nanoTime() - start);
        }
    }
}
