package io.linkrx.serving.bench;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.encoder.ShippedEncoders;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.oip.GRPCInferenceServiceGrpc;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferResponse;
import io.linkrx.serving.repository.ModelLoaders;
import io.linkrx.serving.server.InferenceServer;
import io.linkrx.serving.server.SidecarSettings;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sidecar benchmarks (issue 3, item 9), one JVM, loopback gRPC, CPU:
 * (1) encoder throughput through gRPC vs the same model in-process, batch 32 (overhead ratio);
 * (2) 1, 4 and 16 concurrent single-sentence callers with dynamic batching on vs off;
 * (3) a hot swap under load (failed requests); (4) memory of this JVM (server + client).
 * Usage: {@code java [-Dlinkrx.bench.intra.op.threads=N] -cp <model-serving test classpath> io.linkrx.serving.bench.SidecarBench [seconds-per-phase] [encoder-id]}.
 */
public final class SidecarBench {
    static final String[] SENTENCES = {
        "Patient denies chest pain or shortness of breath.", "History of hypertension and type 2 diabetes mellitus.",
        "Started on metformin 500 mg twice daily.", "Mother had breast cancer at age 52.",
        "Rule out pneumonia; chest x-ray pending.", "Known MS with a diastolic rumble at the apex.",
        "CKD stage 3 with stable creatinine.", "No fever, chills or night sweats.",
    };

    private SidecarBench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        String encoder = args.length > 1 ? args[1] : "all-minilm-l6-v2";
        Path repo = Files.createTempDirectory("linkrx-bench-repo");
        ShippedEncoders.install(encoder, repo, "encoder");
        Path noBatch = ShippedEncoders.install(encoder, repo, "encoder_nobatch");
        ModelConfig plain = ShippedEncoders.config(ShippedEncoders.byId(encoder), "encoder_nobatch").toBuilder().clearDynamicBatching().build();
        Files.writeString(noBatch.resolve("config.pbtxt"), ShippedEncoders.configText(plain));
        System.out.printf(Locale.ROOT, "encoder=%s cores=%d seconds/phase=%.0f intra-op threads=%s%n", encoder,
                Runtime.getRuntime().availableProcessors(), seconds, System.getProperty("linkrx.bench.intra.op.threads", "default"));

        String intraOp = System.getProperty("linkrx.bench.intra.op.threads", "0"); // 0: ONNX Runtime's default
        double inProcess = inProcess(repo, seconds, Integer.parseInt(intraOp));
        try (InferenceServer server = InferenceServer.start(SidecarSettings.of(Map.of(
                "linkrx.sidecar.repository", repo.toString(), "linkrx.sidecar.grpc.port", "0", "linkrx.sidecar.http.port", "0",
                "linkrx.sidecar.http.host", "127.0.0.1", "linkrx.sidecar.ort.device", "cpu",
                "linkrx.sidecar.repository.poll.interval.ms", "250", "linkrx.sidecar.ort.intra.op.threads", intraOp)))) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext()
                    .maxInboundMessageSize(64 << 20).build();
            try {
                var stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
                double grpc = throughput(stub, "encoder", 32, 1, seconds)[0];
                System.out.printf(Locale.ROOT, "batch 32, 1 caller: in-process %.0f sentences/s, gRPC %.0f sentences/s, ratio %.3f%n",
                        inProcess, grpc, grpc / inProcess);
                for (int callers : new int[] {1, 4, 16}) {
                    double[] on = throughput(stub, "encoder", 1, callers, seconds);
                    double[] off = throughput(stub, "encoder_nobatch", 1, callers, seconds);
                    System.out.printf(Locale.ROOT, "batch 1, %2d callers: batching on %.0f sentences/s (p50 %.1f ms, p99 %.1f ms), off %.0f sentences/s (p50 %.1f ms, p99 %.1f ms)%n",
                            callers, on[0], on[1], on[2], off[0], off[1], off[2]);
                }
                hotSwap(stub, repo, encoder, seconds * 2);
            } finally {
                channel.shutdownNow();
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf(Locale.ROOT, "memory: heap used %d MB, process RSS %s (server, two encoder versions loaded, and the bench client in one JVM)%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rss());
        }
    }

    private static double inProcess(Path repo, double seconds, int intraOpThreads) throws Exception {
        Path versionDir = repo.resolve("encoder").resolve("1");
        ModelConfig config = ShippedEncoders.config(ShippedEncoders.byId(configEncoder(repo)), "encoder");
        try (ServedModel model = ModelLoaders.discover().forKind("encoder").orElseThrow()
                .load(config, versionDir, "1", new io.linkrx.serving.model.RuntimeSettings("cpu", 0, intraOpThreads, 0, "all", true))) {
            List<Tensor> input = List.of(Tensor.bytes("TEXT", new long[] {32}, texts(32)));
            run(seconds / 2, () -> model.infer(input));
            long[] n = run(seconds, () -> model.infer(input));
            return 32.0 * n[0] / (n[1] / 1e9);
        }
    }

    private static String configEncoder(Path repo) throws Exception {
        String text = Files.readString(repo.resolve("encoder").resolve("config.pbtxt"));
        return ShippedEncoders.ids().stream().filter(id -> text.contains("\"" + id + "\"")).findFirst().orElseThrow();
    }

    /** @return sentences/s, p50 ms, p99 ms */
    private static double[] throughput(GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub, String model,
                                       int batch, int callers, double seconds) throws Exception {
        ModelInferRequest request = request(model, batch);
        call(stub, request); // warm
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<List<Long>>> results = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    call(stub, request);
                    latencies.add(System.nanoTime() - t);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {(double) batch * sorted.length / (elapsed / 1e9),
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6};
    }

    private static void hotSwap(GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub, Path repo, String encoder,
                                double seconds) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Set<String> versions = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ModelInferRequest request = request("encoder", 4);
        for (int c = 0; c < 4; c++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        versions.add(call(stub, request).getModelVersion());
                        ok.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep((long) (seconds * 250));
        ShippedEncoders.install(encoder, repo, "encoder", "2"); // a new version appears under load
        Thread.sleep((long) (seconds * 750));
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "hot swap under load (4 callers, %.0f s): %d ok, %d failed, versions answered %s%n",
                seconds, ok.get(), failed.get(), versions.stream().sorted().toList());
    }

    private static ModelInferResponse call(GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub, ModelInferRequest request) {
        return stub.withDeadlineAfter(30, java.util.concurrent.TimeUnit.SECONDS).modelInfer(request);
    }

    private static ModelInferRequest request(String model, int batch) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (byte[] text : texts(batch)) {
            raw.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(text.length).array());
            raw.writeBytes(text);
        }
        return ModelInferRequest.newBuilder().setModelName(model)
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("TEXT").setDatatype("BYTES").addShape(batch))
                .addRawInputContents(ByteString.copyFrom(raw.toByteArray())).build();
    }

    private static byte[][] texts(int n) {
        byte[][] out = new byte[n][];
        for (int i = 0; i < n; i++) {
            out[i] = SENTENCES[i % SENTENCES.length].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static long[] run(double seconds, Call call) throws Exception {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < deadline) {
            call.run();
            n++;
        }
        return new long[] {n, System.nanoTime() - start};
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
    }
}
