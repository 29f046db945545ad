package io.linkrx.serving.encoder;

import io.linkrx.serving.model.RuntimeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * In-process encoder throughput: sentences/s at batch 1, 8 and 32 for each shipped encoder (the model called
 * directly, no gRPC, no batcher). Not a test. Run with the test classpath:
 * {@code java [-Dbench.threads=N] -cp <test classpath> io.linkrx.serving.encoder.EncoderBench [seconds-per-point
 * (default 5)] [ids...]}.
 * Writes the shipped encoders under {@code target/bench-models}.
 */
public final class EncoderBench {
    private static final List<String> SENTENCES = List.of(
            "Patient admitted with acute myocardial infarction and chest pain.",
            "Metformin 500 mg twice daily for type 2 diabetes mellitus.",
            "No evidence of pneumonia on chest X-ray; denies fever or cough.",
            "Started lisinopril for hypertension, blood pressure 142 over 91.",
            "Allergic to penicillin: rash and hives after amoxicillin.",
            "History of chronic kidney disease stage 3 and anemia.",
            "Complains of severe headache with photophobia since yesterday.",
            "Warfarin held before surgery due to elevated INR of 3.4.");

    private EncoderBench() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        List<String> ids = args.length > 1 ? List.of(args).subList(1, args.length) : ShippedEncoders.ids();
        Path repo = Path.of("target", "bench-models");
        int threads = Integer.getInteger("bench.threads", 0);
        RuntimeSettings runtime = new RuntimeSettings("cpu", 0, threads, 0, "all", true);
        System.out.printf("in-process encoder throughput, %d cores, intra-op threads %s, %.0f s per point%n",
                Runtime.getRuntime().availableProcessors(), threads == 0 ? "default" : threads, seconds);
        for (String id : ids) {
            Path dir = ShippedEncoders.install(id, repo, id);
            try (EncoderModel m = new EncoderModelLoader().loadEncoder(
                    TestEncoders.parse(dir.resolve("config.pbtxt")), dir.resolve("1"), "1", runtime)) {
                StringBuilder line = new StringBuilder(String.format("%-20s device=%s", id, m.device()));
                for (int batch : new int[] {1, 8, 32}) {
                    List<String> texts = new ArrayList<>(batch);
                    for (int i = 0; i < batch; i++) {
                        texts.add(SENTENCES.get(i % SENTENCES.size()));
                    }
                    // warm-up
                    long warmEnd = System.nanoTime() + 1_000_000_000L;
                    while (System.nanoTime() < warmEnd) {
                        m.embed(texts);
                    }
                    long n = 0;
                    long start = System.nanoTime();
                    long end = start + (long) (seconds * 1e9);
                    while (System.nanoTime() < end) {
                        m.embed(texts);
                        n += batch;
                    }
                    double rate = n / ((System.nanoTime() - start) / 1e9);
                    line.append(String.format("  batch %2d: %7.1f sent/s", batch, rate));
                }
                System.out.println(line);
            }
        }
    }
}
