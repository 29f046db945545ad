package io.linkrx.serving.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.linkrx.serving.grpc.OipRequests;
import io.linkrx.serving.model.ModelLoader;
import io.linkrx.serving.model.RuntimeSettings;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.oip.GRPCInferenceServiceGrpc;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferResponse;
import io.linkrx.serving.oip.ModelMetadataRequest;
import io.linkrx.serving.oip.ModelMetadataResponse;
import io.linkrx.serving.repository.ModelConfigs;
import io.linkrx.serving.repository.ModelLoaders;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ONNX encoder (all-MiniLM-L6-v2, shipped on Maven Central) served by the sidecar: what a Triton-style client
 * gets over gRPC, with dynamic batching mixing concurrent callers, matches the same model run directly. The fp32
 * model, not the int8 one: dynamic quantisation scales activations over the whole batch, so an int8 embedding
 * depends on which texts the batcher happened to put beside it (cosine 0.993 seen in CI), while fp32 with the
 * attention mask does not.
 */
class EncoderThroughSidecarTest {
    private static final String CONFIG = """
            name: "encoder"
            max_batch_size: 32
            dynamic_batching { max_queue_delay_microseconds: 5000 }
            parameters { key: "kind" value { string_value: "encoder" } }
            """;
    private static final String[] TEXTS = {
        "Patient denies chest pain.",
        "History of type 2 diabetes mellitus treated with metformin 500 mg twice daily.",
        "aspirin",
        "Family history of breast cancer in the mother; no known drug allergies; started warfarin last week.",
    };

    @TempDir
    Path repo;

    @Test
    void embeddingsOverGrpcMatchTheModelRunDirectly() throws Exception {
        Path version = Files.createDirectories(repo.resolve("encoder/1"));
        Files.writeString(repo.resolve("encoder/config.pbtxt"), CONFIG);
        copyResource("all-minilm-l6-v2.onnx", version.resolve("model.onnx"));
        copyResource("all-minilm-l6-v2-tokenizer.json", version.resolve("tokenizer.json"));
        RuntimeSettings cpu = new RuntimeSettings("cpu", 0, 0, 0, "all", true);

        float[][] direct;
        ModelLoader loader = ModelLoaders.discover().forKind("encoder").orElseThrow();
        try (ServedModel model = loader.load(ModelConfigs.parse(CONFIG), version, "1", cpu)) {
            byte[][] texts = new byte[TEXTS.length][];
            for (int i = 0; i < TEXTS.length; i++) {
                texts[i] = TEXTS[i].getBytes(StandardCharsets.UTF_8);
            }
            List<Tensor> out = model.infer(List.of(Tensor.bytes(model.inputs().get(0).name(), new long[] {TEXTS.length}, texts)));
            direct = rows((float[]) out.get(0).data(), TEXTS.length);
        }

        InferenceServer server = InferenceServer.start(SidecarSettings.of(Map.of(
                "linkrx.sidecar.grpc.port", "0", "linkrx.sidecar.http.host", "127.0.0.1", "linkrx.sidecar.http.port", "0",
                "linkrx.sidecar.repository", repo.toString(), "linkrx.sidecar.ort.device", "cpu")));
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.grpcPort(), InsecureChannelCredentials.create()).build();
        try {
            ModelMetadataResponse meta = GRPCInferenceServiceGrpc.newBlockingStub(channel)
                    .modelMetadata(ModelMetadataRequest.newBuilder().setName("encoder").build());
            String input = meta.getInputs(0).getName();
            String output = meta.getOutputs(0).getName();
            // one caller per text, all at once, so the batcher pads them into shared batches
            GRPCInferenceServiceGrpc.GRPCInferenceServiceFutureStub async = GRPCInferenceServiceGrpc.newFutureStub(channel);
            List<com.google.common.util.concurrent.ListenableFuture<ModelInferResponse>> calls = new ArrayList<>();
            for (int i = 0; i < TEXTS.length; i++) {
                calls.add(async.modelInfer(ModelInferRequest.newBuilder().setModelName("encoder")
                        .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName(input).setDatatype("BYTES").addShape(1))
                        .addRawInputContents(ByteString.copyFrom(OipRequests.lengthPrefixed(TEXTS[i])))
                        .build()));
            }
            for (int i = 0; i < TEXTS.length; i++) {
                ModelInferResponse r = calls.get(i).get(60, TimeUnit.SECONDS);
                assertThat(r.getModelVersion()).isEqualTo("1");
                float[] viaGrpc = OipRequests.floats(r, output);
                assertThat(viaGrpc).hasSize(direct[i].length);
                assertThat(cosine(viaGrpc, direct[i])).as("cosine of text %d", i).isGreaterThanOrEqualTo(0.999);
            }
        } finally {
            channel.shutdownNow();
            server.close();
        }
    }

    private static float[][] rows(float[] flat, int n) {
        int d = flat.length / n;
        float[][] out = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static void copyResource(String name, Path to) throws Exception {
        try (InputStream in = EncoderThroughSidecarTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("resource %s on the classpath", name).isNotNull();
            Files.copy(in, to);
        }
    }
}
