package io.linkrx.serving.server;

import static io.linkrx.serving.grpc.OipRequests.floats;
import static io.linkrx.serving.grpc.OipRequests.rows;
import static io.linkrx.serving.repository.TestRepos.model;
import static io.linkrx.serving.repository.TestRepos.rowSumConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.linkrx.serving.batch.RowSumModel;
import io.linkrx.serving.oip.GRPCInferenceServiceGrpc;
import io.linkrx.serving.oip.ModelInferResponse;
import io.linkrx.serving.oip.ServerMetadataRequest;
import io.linkrx.serving.repository.TestRowSumLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceServerTest {
    @TempDir
    Path repo;
    private InferenceServer server;
    private ManagedChannel channel;

    private InferenceServer start(Map<String, String> extra) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of(
                "linkrx.sidecar.grpc.port", "0",
                "linkrx.sidecar.http.host", "127.0.0.1",
                "linkrx.sidecar.http.port", "0",
                "linkrx.sidecar.repository", repo.toString(),
                "linkrx.sidecar.repository.poll.interval.ms", "100",
                "linkrx.sidecar.ort.device", "cpu"));
        values.putAll(extra);
        server = InferenceServer.start(SidecarSettings.of(values));
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.grpcPort(), InsecureChannelCredentials.create()).build();
        return server;
    }

    @AfterEach
    void stop() {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesInferenceHealthAndMetricsOnRealPorts() throws Exception {
        model(repo, "sum", rowSumConfig("sum", 8, "dynamic_batching { }\n"), 3);
        start(Map.of());
        GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);

        ModelInferResponse r = stub.modelInfer(rows("sum", true, new float[] {1.5f, 2.5f}));

        assertThat(floats(r, "sum")).containsExactly(4);
        assertThat(r.getModelVersion()).isEqualTo("3");
        assertThat(stub.serverMetadata(ServerMetadataRequest.getDefaultInstance()).getName()).isEqualTo("linkrx-sidecar");
        assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(server.readinessLine()).isEqualTo("linkrx-sidecar ready grpc=127.0.0.1:" + server.grpcPort()
                + " http=127.0.0.1:" + server.httpPort() + " models=sum:3@cpu");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("linkrx_sidecar_requests_total{model=\"sum\",status=\"OK\"} 1")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void requestsOverTheInboundLimitAreRefused() throws Exception {
        model(repo, "sum", rowSumConfig("sum", 8, ""), 1);
        start(Map.of("linkrx.sidecar.grpc.max.inbound.message.bytes", "1024"));

        assertThatThrownBy(() -> GRPCInferenceServiceGrpc.newBlockingStub(channel).modelInfer(rows("sum", true, new float[1000])))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
    }

    @Test
    void aNewVersionDroppedIntoTheRepositoryIsServedWithoutARestart() throws Exception {
        model(repo, "sum", rowSumConfig("sum", 8, ""), 1);
        start(Map.of());
        GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
        assertThat(stub.modelInfer(rows("sum", true, new float[] {1})).getModelVersion()).isEqualTo("1");

        io.linkrx.serving.repository.TestRepos.version(repo, "sum", 2);

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String version = "1";
        while (!version.equals("2") && System.nanoTime() < until) {
            version = stub.modelInfer(rows("sum", true, new float[] {1})).getModelVersion();
            Thread.sleep(20);
        }
        assertThat(version).isEqualTo("2");
    }

    @Test
    void shutdownFinishesInFlightRequestsRefusesNewOnesAndClosesTheModels() throws Exception {
        model(repo, "sum", rowSumConfig("sum", 8, ""), 1);
        start(Map.of());
        RowSumModel model = TestRowSumLoader.model("sum", "1").closeGate();
        var inFlight = GRPCInferenceServiceGrpc.newFutureStub(channel).modelInfer(rows("sum", true, new float[] {2, 3}));
        assertThat(model.awaitEntered(10)).isTrue();

        Thread closer = new Thread(server::close);
        closer.start();
        ManagedChannel late = Grpc.newChannelBuilderForAddress("127.0.0.1", server.grpcPort(), InsecureChannelCredentials.create()).build();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Status.Code code = Status.Code.OK;
            while (code == Status.Code.OK && System.nanoTime() < until) {
                try {
                    GRPCInferenceServiceGrpc.newBlockingStub(late).withDeadlineAfter(2, TimeUnit.SECONDS)
                            .serverLive(io.linkrx.serving.oip.ServerLiveRequest.getDefaultInstance());
                    Thread.sleep(10);
                } catch (StatusRuntimeException e) {
                    code = e.getStatus().getCode();
                }
            }
            assertThat(code).isEqualTo(Status.Code.UNAVAILABLE); // shutting down: new calls are refused
        } finally {
            late.shutdownNow();
        }
        assertThat(model.closed()).isFalse();

        model.open();
        assertThat(floats(inFlight.get(10, TimeUnit.SECONDS), "sum")).containsExactly(5);
        closer.join(30_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(model.closed()).isTrue();
        assertThat(model.misuse()).isZero();
    }

    @Test
    void theCommandLinePrintsTheSettingsTableAndRefusesBadArguments() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(InferenceServer.run(new String[] {"settings"}, Map.of(), new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("`LINKRX_SIDECAR_GRPC_PORT` | `8001`");

        assertThat(InferenceServer.run(new String[] {"serve", "--port"}, Map.of(), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(InferenceServer.run(new String[] {"fly"}, Map.of(), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(InferenceServer.run(new String[] {"serve", "linkrx.sidecar.repository=" + repo.resolve("missing")}, Map.of(),
                new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a directory");
    }

    @Test
    void argumentsReadTheConfigFileAndOverrides() throws Exception {
        Path file = repo.resolve("sidecar.properties");
        Files.writeString(file, "linkrx.sidecar.grpc.port=7001\nlinkrx.sidecar.http.port=7002\n");

        SidecarSettings s = InferenceServer.parse(new String[] {"serve", "--config", file.toString(), "linkrx.sidecar.http.port=7003"},
                Map.of("LINKRX_SIDECAR_GRPC_HOST", "0.0.0.0"));

        assertThat(s.getInt(SidecarSetting.GRPC_PORT)).isEqualTo(7001);
        assertThat(s.getInt(SidecarSetting.HTTP_PORT)).isEqualTo(7003);
        assertThat(s.get(SidecarSetting.GRPC_HOST)).isEqualTo("0.0.0.0");
        assertThat(InferenceServer.parse(new String[] {"serve"}, Map.of("LINKRX_SIDECAR_CONFIG", file.toString()))
                .getInt(SidecarSetting.GRPC_PORT)).isEqualTo(7001);
    }
}
