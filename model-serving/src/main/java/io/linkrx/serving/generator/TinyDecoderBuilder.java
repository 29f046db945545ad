package io.linkrx.serving.generator;

import static io.linkrx.serving.onnxwriter.OnnxModelBuilder.FLOAT;
import static io.linkrx.serving.onnxwriter.OnnxModelBuilder.INT64;
import static io.linkrx.serving.onnxwriter.OnnxModelBuilder.attr;
import static io.linkrx.serving.onnxwriter.OnnxModelBuilder.castTo;

import com.google.protobuf.TextFormat;
import io.linkrx.serving.config.DataType;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.config.ModelInput;
import io.linkrx.serving.config.ModelOutput;
import io.linkrx.serving.config.ModelParameter;
import io.linkrx.serving.onnxwriter.OnnxModelBuilder;
import io.linkrx.serving.onnxwriter.proto.ModelProto;
import io.linkrx.serving.onnxwriter.proto.TensorProto;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the tiny decoder the project tests the generator with, from a names.tsv (and optional training pairs
 * "mention → name"), written with {@link OnnxModelBuilder}. It is a word-level causal LM that is deliberately
 * simple and fully explainable, not a neural network: a product of two experts, a bigram LM over KB names and a
 * bag-of-words "translation" model from the prompt's words to name tokens (in the spirit of IBM Model 1).
 *
 * <pre>
 *   onehot       = Gather(E = I[V,V], input_ids)                      [B,T,V]
 *   bigram       = MatMul(onehot, W)                                  [B,T,V]  W[u,v] = log P(v | u)
 *   in_prompt[t] = CumSum(input_ids == &lt;sep&gt;)[t] &lt; 0.5               [B,T]    1 before &lt;sep&gt;, 0 from it on
 *   bow[t]       = Min(CumSum(onehot * in_prompt), 1)                 [B,T,V]  prompt words seen up to t
 *   known[t]     = Max(bow[t] · k, 1)                                 [B,T,1]  k[w] = 1 for words with associations
 *   assoc[t]     = (bow[t] · A) / known[t]                            [B,T,V]  mean over prompt words of A[w,v]
 *   logits       = bigram + alpha * Log(assoc + epsilon)              [B,T,V]
 * </pre>
 *
 * <p><b>Bigram</b> {@code W}: counted over {@code <sep> name-tokens <eos>} of every names.tsv row (plus one more
 * count for every training pair's target name), add-one smoothing: {@code W[u,v] = log((c(u,v) + 1) / (c(u) + V))}.
 *
 * <p><b>Prompt conditioning</b> {@code A[w,v] = P(v ∈ target | w ∈ source)}, counted over (source, target)
 * pairs: every pair of names of the same concept (each synonym "explains" every other, as in SynCABEL's synonym
 * training data; a name explains itself with weight {@value #SELF_WEIGHT}), plus the training pairs (weight 1).
 * {@code <eos>} belongs to every target, so {@code A[w,<eos>] = 1}: ending a name is never penalised, while a
 * name token the prompt does not suggest costs up to {@code alpha · log(epsilon)}. A word seen in one concept's
 * names suggests that concept's tokens only; a word seen everywhere suggests nothing in particular. Prompts
 * without a known word leave the bigram alone (the term is then a constant, which the softmax removes). The bag
 * is causal (position t sees prompt words up to t only) and name tokens after {@code <sep>} never enter it.
 * Known limit: being a bag of words, it cannot insist that every prompt word be covered, so for a prompt naming
 * two concepts ("type 2 diabetes on metformin") a short name of either may win.
 *
 * <p>The vocabulary is the special tokens, then every name token and training-mention word (most frequent first,
 * ties alphabetical). V is capped at {@value #MAX_VOCABULARY} because the graph holds three V×V matrices.
 *
 * <p>Command line:
 * <pre>
 *   TinyDecoderBuilder --names names.tsv [--pairs pairs.tsv] [--alpha 2] [--cased]
 *                      (--out versionDir | --repository repo [--model generator] [--version 1] [--beam-width 5])
 * </pre>
 * {@code --out} writes {@code model.onnx}, {@code vocab.txt} and {@code names.tsv}; {@code --repository} writes
 * them to {@code repo/model/version/} plus a Triton-style {@code repo/model/config.pbtxt} with kind generator.
 * pairs.tsv: {@code mention<TAB>name}, the name an exact names.tsv name (same tokens); {@code #} comments.
 */
public final class TinyDecoderBuilder {
    public static final int MAX_VOCABULARY = 4096;
    /** Weight of the prompt expert against the bigram (the exponent of the product of experts). */
    public static final float DEFAULT_ALPHA = 2.0f;
    /** A name counts this many times as its own source: lexical overlap beats mere synonymy. */
    public static final double SELF_WEIGHT = 3.0;
    /** Floor of the association probability, so that unassociated tokens are penalised, not forbidden. */
    public static final float EPSILON = 0.01f;

    /** A training example: a mention (in context) and the KB name it should generate. */
    public record TrainingPair(String mention, String name) {}

    /** What was built: the vocabulary, the model, and the training pairs that were not used (unknown names). */
    public record Built(Vocabulary vocabulary, ModelProto model, List<TrainingPair> unusedPairs) {}

    private final List<KbName> names;
    private final List<TrainingPair> pairs;
    private final WordTokenizer tokenizer;
    private final float alpha;

    public TinyDecoderBuilder(List<KbName> names, List<TrainingPair> pairs, boolean lowercase, float alpha) {
        this.names = List.copyOf(names);
        this.pairs = List.copyOf(pairs);
        this.tokenizer = new WordTokenizer(lowercase);
        this.alpha = alpha;
    }

    public TinyDecoderBuilder(List<KbName> names, List<TrainingPair> pairs) {
        this(names, pairs, true, DEFAULT_ALPHA);
    }

    /** Builds the vocabulary and the ONNX model. */
    public Built build() {
        // ---- name token sequences, grouped by concept
        Map<String, List<List<String>>> byConcept = new LinkedHashMap<>();
        Map<List<String>, List<String>> conceptsOfName = new HashMap<>();
        Map<String, Integer> freq = new HashMap<>();
        List<List<String>> nameTokens = new ArrayList<>();
        for (KbName n : names) {
            List<String> t = tokenizer.tokenize(n.name());
            if (t.isEmpty()) {
                continue;
            }
            nameTokens.add(t);
            byConcept.computeIfAbsent(n.conceptId(), k -> new ArrayList<>()).add(t);
            conceptsOfName.computeIfAbsent(t, k -> new ArrayList<>()).add(n.conceptId());
            t.forEach(w -> freq.merge(w, 1, Integer::sum));
        }
        List<List<String>> pairSources = new ArrayList<>();
        List<List<String>> pairTargets = new ArrayList<>();
        List<TrainingPair> unused = new ArrayList<>();
        for (TrainingPair p : pairs) {
            List<String> target = tokenizer.tokenize(p.name());
            if (!conceptsOfName.containsKey(target)) {
                unused.add(p);
                continue;
            }
            List<String> source = tokenizer.tokenize(p.mention());
            pairSources.add(source);
            pairTargets.add(target);
            source.forEach(w -> freq.merge(w, 1, Integer::sum));
        }
        List<String> words = new ArrayList<>(freq.keySet());
        words.removeAll(Vocabulary.SPECIALS);
        words.sort(Comparator.comparing((String w) -> -freq.get(w)).thenComparing(Comparator.naturalOrder()));
        Vocabulary vocab = Vocabulary.withSpecials(words);
        int v = vocab.size();
        if (v > MAX_VOCABULARY) {
            throw new IllegalArgumentException("the tiny decoder is for small KBs: vocabulary of " + v
                + " tokens exceeds " + MAX_VOCABULARY);
        }

        // ---- bigram log-probabilities over <sep> name <eos>
        double[] counts = new double[v * v];
        List<List<String>> lmSequences = new ArrayList<>(nameTokens);
        lmSequences.addAll(pairTargets);
        for (List<String> seq : lmSequences) {
            int prev = vocab.sep();
            for (String w : seq) {
                int id = vocab.id(w);
                counts[prev * v + id]++;
                prev = id;
            }
            counts[prev * v + vocab.eos()]++;
        }
        float[] bigram = new float[v * v];
        for (int u = 0; u < v; u++) {
            double row = 0;
            for (int x = 0; x < v; x++) {
                row += counts[u * v + x];
            }
            for (int x = 0; x < v; x++) {
                bigram[u * v + x] = (float) Math.log((counts[u * v + x] + 1) / (row + v));
            }
        }

        // ---- prompt-word -> name-token association
        double[] cooc = new double[v * v];
        double[] sourceCount = new double[v];
        for (List<List<String>> group : byConcept.values()) {
            Set<List<String>> distinct = new LinkedHashSet<>(group);
            for (List<String> source : distinct) {
                for (List<String> target : distinct) {
                    addPair(vocab, source, target, source.equals(target) ? SELF_WEIGHT : 1.0, cooc, sourceCount);
                }
            }
        }
        for (int i = 0; i < pairSources.size(); i++) {
            addPair(vocab, pairSources.get(i), pairTargets.get(i), 1.0, cooc, sourceCount);
        }
        float[] assoc = new float[v * v];
        float[] known = new float[v];
        for (int w = 0; w < v; w++) {
            if (sourceCount[w] == 0) {
                continue;
            }
            known[w] = 1f;
            for (int x = 0; x < v; x++) {
                assoc[w * v + x] = (float) (cooc[w * v + x] / sourceCount[w]);
            }
        }

        float[] identity = new float[v * v];
        for (int i = 0; i < v; i++) {
            identity[i * v + i] = 1f;
        }
        long[] vv = {v, v};
        ModelProto model = OnnxModelBuilder.graph("tiny_decoder")
            .producer("linkrx TinyDecoderBuilder", "1")
            .domain("io.linkrx.generator")
            .docString("Word-level bigram causal LM with bag-of-words prompt conditioning, for trie-constrained"
                + " generative linking tests. input_ids [B,T] -> logits [B,T,V]; sequences are <bos> prompt <sep> name.")
            .metadata("vocabulary_size", Integer.toString(v))
            .metadata("alpha", Float.toString(alpha))
            .metadata("names", Integer.toString(nameTokens.size()))
            .metadata("training_pairs", Integer.toString(pairSources.size()))
            .input("input_ids", INT64, "batch", "sequence")
            .output("logits", FLOAT, "batch", "sequence", v)
            .initializer("embedding", vv, identity)
            .initializer("bigram_log_prob", vv, bigram)
            .initializer("prompt_association", vv, assoc)
            .initializer("known_word", new long[] {v, 1}, known)
            .scalar("alpha", alpha)
            .scalar("epsilon", EPSILON)
            .scalar("sep_id", (long) vocab.sep())
            .scalar("sequence_axis", 1L)
            .scalar("half", 0.5f)
            .scalar("one", 1.0f)
            .initializer("last_axis", new long[] {1}, new long[] {2})
            .node("Gather", List.of("embedding", "input_ids"), List.of("onehot"), attr("axis", 0))
            .node("MatMul", List.of("onehot", "bigram_log_prob"), List.of("bigram_logits"))
            .node("Equal", List.of("input_ids", "sep_id"), List.of("is_sep"))
            .node("Cast", List.of("is_sep"), List.of("is_sep_f"), castTo(TensorProto.DataType.FLOAT))
            .node("CumSum", List.of("is_sep_f", "sequence_axis"), List.of("seps_so_far"))
            .node("Less", List.of("seps_so_far", "half"), List.of("in_prompt"))
            .node("Cast", List.of("in_prompt"), List.of("in_prompt_f"), castTo(TensorProto.DataType.FLOAT))
            .node("Unsqueeze", List.of("in_prompt_f", "last_axis"), List.of("in_prompt_3d"))
            .node("Mul", List.of("onehot", "in_prompt_3d"), List.of("prompt_onehot"))
            .node("CumSum", List.of("prompt_onehot", "sequence_axis"), List.of("prompt_counts"))
            .node("Min", List.of("prompt_counts", "one"), List.of("prompt_bow"))
            .node("MatMul", List.of("prompt_bow", "known_word"), List.of("known_words"))
            .node("Max", List.of("known_words", "one"), List.of("prompt_size"))
            .node("MatMul", List.of("prompt_bow", "prompt_association"), List.of("association_sum"))
            .node("Div", List.of("association_sum", "prompt_size"), List.of("association"))
            .node("Add", List.of("association", "epsilon"), List.of("association_smoothed"))
            .node("Log", List.of("association_smoothed"), List.of("log_association"))
            .node("Mul", List.of("log_association", "alpha"), List.of("prompt_bias"))
            .node("Add", List.of("bigram_logits", "prompt_bias"), List.of("logits"))
            .build();
        return new Built(vocab, model, unused);
    }

    private static void addPair(Vocabulary vocab, List<String> source, List<String> target, double weight,
                                double[] cooc, double[] sourceCount) {
        int v = vocab.size();
        Set<Integer> ws = new LinkedHashSet<>();
        for (String w : source) {
            ws.add(vocab.id(w));
        }
        Set<Integer> ts = new LinkedHashSet<>();
        for (String t : target) {
            ts.add(vocab.id(t));
        }
        ts.add(vocab.eos());   // every target name ends: keeps <eos> competitive with associated tokens
        for (int w : ws) {
            if (vocab.isSpecial(w)) {
                continue;
            }
            sourceCount[w] += weight;
            for (int t : ts) {
                cooc[w * v + t] += weight;
            }
        }
    }

    /** Writes {@code model.onnx}, {@code vocab.txt} and {@code names.tsv} into {@code versionDir}. */
    public Built writeVersionDir(Path versionDir) throws IOException {
        Built built = build();
        Files.createDirectories(versionDir);
        try (var out = Files.newOutputStream(versionDir.resolve("model.onnx"))) {
            built.model().writeTo(out);
        }
        built.vocabulary().write(versionDir.resolve("vocab.txt"));
        NamesTsv.write(versionDir.resolve("names.tsv"), names);
        return built;
    }

    /** The config.pbtxt of a generator model (Triton text format, kind generator). */
    public static ModelConfig config(String modelName, int beamWidth, int numReturn, boolean lowercase) {
        return ModelConfig.newBuilder()
            .setName(modelName)
            .setPlatform("onnxruntime_onnx")
            .setMaxBatchSize(32)
            .addInput(ModelInput.newBuilder().setName(GeneratorModel.PROMPT).setDataType(DataType.TYPE_STRING).addDims(1))
            .addInput(ModelInput.newBuilder().setName(GeneratorModel.SEMANTIC_TYPE).setDataType(DataType.TYPE_STRING).addDims(1))
            .addOutput(ModelOutput.newBuilder().setName(GeneratorModel.CONCEPT_ID).setDataType(DataType.TYPE_STRING).addDims(numReturn))
            .addOutput(ModelOutput.newBuilder().setName(GeneratorModel.NAME).setDataType(DataType.TYPE_STRING).addDims(numReturn))
            .addOutput(ModelOutput.newBuilder().setName(GeneratorModel.SCORE).setDataType(DataType.TYPE_FP32).addDims(numReturn))
            .putParameters("kind", param(GeneratorModelLoader.KIND))
            .putParameters("beam_width", param(Integer.toString(beamWidth)))
            .putParameters("num_return", param(Integer.toString(numReturn)))
            .putParameters("lowercase", param(Boolean.toString(lowercase)))
            .build();
    }

    private static ModelParameter param(String v) {
        return ModelParameter.newBuilder().setStringValue(v).build();
    }

    /** Reads pairs.tsv: {@code mention<TAB>name} per line, {@code #} comments and blank lines skipped. */
    public static List<TrainingPair> readPairs(Path file) throws IOException {
        List<TrainingPair> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            boolean first = true;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length < 2) {
                    throw new IOException(file + ":" + no + ": expected mention<TAB>name");
                }
                if (first) {
                    first = false;
                    if (c[0].strip().equals("mention")) {
                        continue;
                    }
                }
                out.add(new TrainingPair(c[0].strip(), c[1].strip()));
            }
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String k = args[i];
            if (k.equals("--cased")) {
                a.put(k, "true");
            } else if (k.startsWith("--") && i + 1 < args.length) {
                a.put(k, args[++i]);
            } else {
                usage("unexpected argument " + k);
            }
        }
        if (!a.containsKey("--names") || (a.containsKey("--out") == a.containsKey("--repository"))) {
            usage("--names and exactly one of --out / --repository are required");
        }
        List<KbName> names = NamesTsv.read(Path.of(a.get("--names")));
        List<TrainingPair> pairs = a.containsKey("--pairs") ? readPairs(Path.of(a.get("--pairs"))) : List.of();
        boolean lowercase = !a.containsKey("--cased");
        float alpha = Float.parseFloat(a.getOrDefault("--alpha", Float.toString(DEFAULT_ALPHA)));
        TinyDecoderBuilder builder = new TinyDecoderBuilder(names, pairs, lowercase, alpha);
        Path dir;
        if (a.containsKey("--out")) {
            dir = Path.of(a.get("--out"));
        } else {
            String model = a.getOrDefault("--model", "generator");
            Path modelDir = Path.of(a.get("--repository")).resolve(model);
            dir = modelDir.resolve(a.getOrDefault("--version", "1"));
            int beam = Integer.parseInt(a.getOrDefault("--beam-width", "5"));
            Files.createDirectories(modelDir);
            Files.writeString(modelDir.resolve("config.pbtxt"),
                TextFormat.printer().printToString(config(model, beam, beam, lowercase)), StandardCharsets.UTF_8);
        }
        Built built = builder.writeVersionDir(dir);
        System.out.printf(Locale.ROOT, "tiny decoder written to %s: %d names, vocabulary %d, %d training pairs (%d unused)%n",
            dir, names.size(), built.vocabulary().size(), pairs.size() - built.unusedPairs().size(),
            built.unusedPairs().size());
        for (TrainingPair p : built.unusedPairs()) {
            System.out.println("  unused pair (name not in names.tsv): " + p.mention() + " -> " + p.name());
        }
    }

    private static void usage(String why) {
        System.err.println(why);
        System.err.println("usage: TinyDecoderBuilder --names names.tsv [--pairs pairs.tsv] [--alpha 2] [--cased]"
            + " (--out versionDir | --repository repo [--model generator] [--version 1] [--beam-width 5])");
        System.exit(2);
    }
}
