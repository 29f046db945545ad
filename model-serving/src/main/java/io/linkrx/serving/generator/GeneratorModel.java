package io.linkrx.serving.generator;

import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.onnx.OrtModel;
import io.linkrx.serving.onnx.OrtSessions;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.model.TensorType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The served {@code generator} model: constrained generative linking (see the package documentation).
 *
 * <p>Inputs: {@code PROMPT} BYTES {@code [N]} (UTF-8 mention in context; {@code [N, 1]} accepted too) and the
 * optional {@code SEMANTIC_TYPE} BYTES {@code [N]} (or one element for the whole batch): empty for no filter,
 * otherwise one or more semantic types separated by {@code |}, matched case-insensitively against names.tsv.
 * Outputs, best first: {@code CONCEPT_ID} BYTES {@code [N, K]} (the concept id, or the ids joined with
 * {@code |} when the generated name belongs to several concepts), {@code NAME} BYTES {@code [N, K]} (the name as
 * written in names.tsv) and {@code SCORE} FP32 {@code [N, K]} (length-normalised log-probability, higher is
 * better). When fewer than K names can be generated (for example a narrow semantic-type filter) the remaining
 * cells are empty strings with score {@code -Infinity}.
 */
public final class GeneratorModel extends OrtModel {
    public static final String PROMPT = "PROMPT";
    public static final String SEMANTIC_TYPE = "SEMANTIC_TYPE";
    public static final String CONCEPT_ID = "CONCEPT_ID";
    public static final String NAME = "NAME";
    public static final String SCORE = "SCORE";

    private final int maxBatchSize;
    private final OnnxCausalLm lm;
    private final NameTrie trie;
    private final ConstrainedBeamSearch search;
    private final String conceptSeparator;
    private final int k;

    GeneratorModel(String name, String version, OrtSessions.Opened opened, int maxBatchSize, OnnxCausalLm lm,
                   NameTrie trie, ConstrainedBeamSearch search, String conceptSeparator) {
        super(name, version, opened);
        this.maxBatchSize = maxBatchSize;
        this.lm = lm;
        this.trie = trie;
        this.search = search;
        this.conceptSeparator = conceptSeparator;
        this.k = search.settings().numReturn();
    }

    @Override
    public List<TensorSpec> inputs() {
        return List.of(new TensorSpec(PROMPT, TensorType.BYTES, new long[] {-1}),
            new TensorSpec(SEMANTIC_TYPE, TensorType.BYTES, new long[] {-1}));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(new TensorSpec(CONCEPT_ID, TensorType.BYTES, new long[] {-1, k}),
            new TensorSpec(NAME, TensorType.BYTES, new long[] {-1, k}),
            new TensorSpec(SCORE, TensorType.FP32, new long[] {-1, k}));
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** Results per prompt (K). */
    public int numReturn() {
        return k;
    }

    public NameTrie trie() {
        return trie;
    }

    public ConstrainedBeamSearch beamSearch() {
        return search;
    }

    /** The decoder itself (for diagnostics such as {@link ConstrainedBeamSearch#greedyUnconstrained}). */
    public ConstrainedBeamSearch.LanguageModel languageModel() {
        return lm;
    }

    @Override
    protected List<Tensor> run(List<Tensor> inputs) throws ModelException {
        Tensor prompt = null;
        Tensor types = null;
        for (Tensor t : inputs) {
            switch (t.name()) {
                case PROMPT -> prompt = t;
                case SEMANTIC_TYPE -> types = t;
                default -> throw new ModelException("model " + label() + " has no input '" + t.name()
                    + "' (inputs: PROMPT, optional SEMANTIC_TYPE)", true);
            }
        }
        byte[][] prompts = strings(prompt, PROMPT);
        int n = prompts.length;
        byte[][] typeValues = types == null ? null : strings(types, SEMANTIC_TYPE);
        if (typeValues != null && typeValues.length != n && typeValues.length != 1) {
            throw new ModelException("SEMANTIC_TYPE has " + typeValues.length + " elements for " + n
                + " prompts (expected " + n + " or 1)", true);
        }
        List<ConstrainedBeamSearch.Query> queries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NameTrie.TypeFilter filter = NameTrie.TypeFilter.ANY;
            if (typeValues != null) {
                String spec = new String(typeValues[typeValues.length == 1 ? 0 : i], StandardCharsets.UTF_8);
                List<String> wanted = new ArrayList<>();
                for (String s : spec.split("\\|")) {
                    if (!s.isBlank()) {
                        wanted.add(s.strip());
                    }
                }
                filter = trie.filter(wanted);
            }
            queries.add(new ConstrainedBeamSearch.Query(new String(prompts[i], StandardCharsets.UTF_8), filter));
        }
        List<List<ConstrainedBeamSearch.Hit>> results = search.search(queries, lm);

        byte[][] ids = new byte[n * k][];
        byte[][] names = new byte[n * k][];
        float[] scores = new float[n * k];
        byte[] empty = new byte[0];
        Arrays.fill(ids, empty);
        Arrays.fill(names, empty);
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            List<ConstrainedBeamSearch.Hit> hits = results.get(i);
            for (int j = 0; j < Math.min(k, hits.size()); j++) {
                ConstrainedBeamSearch.Hit h = hits.get(j);
                ids[i * k + j] = String.join(conceptSeparator, h.conceptIds()).getBytes(StandardCharsets.UTF_8);
                names[i * k + j] = h.name().getBytes(StandardCharsets.UTF_8);
                scores[i * k + j] = (float) h.score();
            }
        }
        long[] shape = {n, k};
        return List.of(Tensor.bytes(CONCEPT_ID, shape, ids), Tensor.bytes(NAME, shape.clone(), names),
            Tensor.fp32(SCORE, shape.clone(), scores));
    }

    private static byte[][] strings(Tensor t, String what) throws ModelException {
        if (t == null) {
            throw new ModelException("input " + what + " is required", true);
        }
        if (t.type() != TensorType.BYTES || !(t.data() instanceof byte[][] data)) {
            throw new ModelException("input " + what + " must be BYTES, got " + t.type(), true);
        }
        long[] s = t.shape();
        if (s.length == 0 || s.length > 2 || (s.length == 2 && s[1] != 1) || t.elementCount() != data.length) {
            throw new ModelException("input " + what + " must have shape [N] or [N, 1], got " + Arrays.toString(s)
                + " with " + data.length + " elements", true);
        }
        return data;
    }

}
