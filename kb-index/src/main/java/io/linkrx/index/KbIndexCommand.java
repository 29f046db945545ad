package io.linkrx.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SynonymEnrichment;
import io.linkrx.serving.client.BreakerPolicy;
import io.linkrx.serving.client.ClientPolicy;
import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.InferenceClient;
import io.linkrx.serving.client.RetryPolicy;
import io.linkrx.serving.client.SidecarChannels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds and inspects KB indexes:
 * <pre>
 * build --kb &lt;location&gt;... --out &lt;dir&gt; [--synonyms-from &lt;location&gt;...]
 *       [--sidecar host:port [--encoder &lt;model&gt;]] [--no-vectors]
 *       [--vectors float32|int8|int4] [--batch &lt;names per encoder call&gt;]
 * info &lt;dir&gt;
 * </pre>
 * Both print JSON on stdout. Exit status 0 on success, 2 on a usage error, 1 on failure. The index holds the KB
 * linking reads ({@link SynonymEnrichment#enrich}: lent names and chemical name variants), so its version is the
 * app's and the evaluation's.
 */
public final class KbIndexCommand {
    static final String USAGE = """
            usage: build --kb <location>... --out <dir> [--synonyms-from <location>...]
                         [--sidecar host:port [--encoder <model>]] [--no-vectors]
                         [--vectors float32|int8|int4] [--batch <n>]
                   info <dir>""";
    private static final Set<String> FLAGS = Set.of("--no-vectors");
    /** A batch of names may wait behind other work on a CPU sidecar: far more time than a note gets. */
    private static final ClientPolicy BUILD_POLICY = new ClientPolicy(Duration.ofSeconds(60), RetryPolicy.retries(3),
            BreakerPolicy.defaults());

    private KbIndexCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            Map<String, List<String>> options = parse(args);
            Object result = switch (args[0]) {
                case "build" -> build(options);
                case "info" -> IndexInfo.describe(Path.of(single(options, "", "index directory")));
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            };
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Exception e) {
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    /** The KB linking reads: these locations with names lent by {@code lenders} (none when empty) and variants. */
    static KnowledgeBase loadKnowledgeBase(List<String> locations, List<String> lenders) {
        return SynonymEnrichment.enrich(KnowledgeBase.loadAll(locations),
                lenders.isEmpty() ? null : KnowledgeBase.loadAll(lenders));
    }

    private static Map<String, Object> build(Map<String, List<String>> options) throws Exception {
        List<String> kbs = options.getOrDefault("--kb", List.of());
        if (kbs.isEmpty()) {
            throw new IllegalArgumentException("--kb is required");
        }
        Path out = Path.of(single(options, "--out", "output directory"));
        boolean sidecar = options.containsKey("--sidecar");
        if (!sidecar && Stream.of("--encoder", "--vectors", "--batch").anyMatch(options::containsKey)) {
            throw new IllegalArgumentException("--encoder, --vectors and --batch need --sidecar");
        }
        VectorEncoding encoding = options.containsKey("--vectors")
                ? VectorEncoding.parse(single(options, "--vectors", "vector encoding")) : null;
        String target = sidecar ? single(options, "--sidecar", "sidecar host:port") : null;
        String model = options.containsKey("--encoder") ? single(options, "--encoder", "encoder model") : "encoder";
        int batch = options.containsKey("--batch") ? Integer.parseInt(single(options, "--batch", "batch size"))
                : KbIndexBuilder.DEFAULT_BATCH;

        long start = System.nanoTime();
        KbIndexBuilder builder = new KbIndexBuilder(loadKnowledgeBase(kbs,
                options.getOrDefault("--synonyms-from", List.of())));
        if (encoding != null) {
            builder.withVectorEncoding(encoding);
        }
        IndexMetadata meta = sidecar && !options.containsKey("--no-vectors")
                ? buildWithSidecar(builder, target, model, batch, out) : builder.build(out);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("path", out.toAbsolutePath().toString());
        result.putAll(meta.summary());
        result.put("buildMillis", (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private static IndexMetadata buildWithSidecar(KbIndexBuilder builder, String target, String model, int batch,
                                                  Path out) throws Exception {
        InferenceClient client = new InferenceClient(SidecarChannels.open(target, false, ""), target, BUILD_POLICY,
                new SimpleMeterRegistry());
        try (EncoderClient encoder = new EncoderClient(client, model, 0)) {
            return builder.withEmbedder(new SidecarTextEmbedder(encoder), batch).build(out);
        }
    }

    /** Options and their values; values before the first option are under "". */
    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        String current = "";
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                current = args[i];
                options.computeIfAbsent(current, k -> new ArrayList<>());
                if (FLAGS.contains(current)) {
                    current = "";
                }
            } else {
                options.computeIfAbsent(current, k -> new ArrayList<>()).add(args[i]);
            }
        }
        return options;
    }

    private static String single(Map<String, List<String>> options, String option, String what) {
        List<String> values = options.getOrDefault(option, List.of());
        if (values.size() != 1) {
            throw new IllegalArgumentException("expected one " + what + (option.isEmpty() ? "" : " after " + option)
                    + ", got " + values.size());
        }
        return values.get(0);
    }
}
