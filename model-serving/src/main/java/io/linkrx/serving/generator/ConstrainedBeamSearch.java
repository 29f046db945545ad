package io.linkrx.serving.generator;

import io.linkrx.serving.model.ModelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trie-constrained beam search (as in SynCABEL / GENRE): the causal LM reads {@code <bos> prompt <sep>} and
 * decodes a concept name; at each step the next-token log-probabilities (log-softmax over the whole vocabulary)
 * are masked to the continuations the {@link NameTrie} allows (everything else is -inf), so every finished
 * hypothesis is exactly a KB name, which maps to its concept id(s).
 *
 * <p>Each step keeps the {@code beamWidth} best partial names by cumulative log-probability; every live beam
 * that may pick {@code <eos>} (only allowed where a name ends) also yields a finished hypothesis (finishing costs
 * no LM call, so unlike Hugging Face's beam search none is dropped), scored with the length-normalised
 * log-probability {@code logP / len^lengthPenalty}, where {@code len} counts the name tokens plus {@code <eos>}.
 * Search stops when no partial name is left (at most the depth of the trie plus one steps). The finished
 * hypotheses are ranked by that score; with {@code dedupeConcepts} only the best name of each concept (set) is
 * kept. The LM is called once per step for all live beams of all requests with the same sequence length
 * (beams of one request always have the same length), so N requests cost about {@code depth} batched calls.
 *
 * <p>Thread-safe: all state lives in the call.
 */
public final class ConstrainedBeamSearch {

    /** A causal LM: for each sequence (all of the same length) the logits of the next token, {@code [B][V]}. */
    @FunctionalInterface
    public interface LanguageModel {
        float[][] nextTokenLogits(long[][] sequences) throws ModelException;
    }

    /**
     * @param beamWidth        partial names kept per step
     * @param numReturn        results per request (K); fewer when fewer names can be generated
     * @param lengthPenalty    exponent of the length normalisation (0: raw log-probability, 1: mean per token)
     * @param maxPromptTokens  prompt tokens kept (the first ones)
     * @param dedupeConcepts   keep only the best-scoring name of each concept (set)
     * @param maxRowsPerCall   largest batch of sequences handed to the LM at once
     */
    public record Settings(int beamWidth, int numReturn, double lengthPenalty, int maxPromptTokens,
                           boolean dedupeConcepts, int maxRowsPerCall) {
        public Settings {
            if (beamWidth < 1 || numReturn < 1 || maxPromptTokens < 0 || maxRowsPerCall < 1) {
                throw new IllegalArgumentException("beam_width, num_return and the row limit must be >= 1, "
                    + "max_prompt_tokens >= 0");
            }
        }

        public static Settings defaults() {
            return new Settings(5, 5, 1.0, 128, true, 64);
        }
    }

    /** One request: the prompt (mention in context) and the semantic types it accepts. */
    public record Query(String prompt, NameTrie.TypeFilter filter) {}

    /**
     * One result: the concept id(s) the generated name belongs to (names.tsv order, restricted to the accepted
     * types), the name as written in names.tsv, its token ids, its log-probability and its normalised score.
     */
    public record Hit(List<String> conceptIds, String name, int[] tokens, double logProb, double score) {}

    private final NameTrie trie;
    private final Vocabulary vocab;
    private final WordTokenizer tokenizer;
    private final Settings settings;

    public ConstrainedBeamSearch(NameTrie trie, WordTokenizer tokenizer, Settings settings) {
        this.trie = trie;
        this.vocab = trie.vocabulary();
        this.tokenizer = tokenizer;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** {@code <bos> prompt-tokens <sep>} as token ids (unknown words become {@code <unk>}). */
    public long[] promptPrefix(String prompt) {
        List<String> words = tokenizer.tokenize(prompt == null ? "" : prompt);
        int n = Math.min(words.size(), settings.maxPromptTokens());
        long[] prefix = new long[n + 2];
        prefix[0] = vocab.bos();
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = vocab.id(words.get(i));
        }
        prefix[n + 1] = vocab.sep();
        return prefix;
    }

    /** Runs the constrained beam search for every query; results best first, at most {@code numReturn} each. */
    public List<List<Hit>> search(List<Query> queries, LanguageModel lm) throws ModelException {
        List<State> states = new ArrayList<>();
        for (Query q : queries) {
            states.add(new State(promptPrefix(q.prompt()), q.filter()));
        }
        for (int step = 0; step <= trie.maxDepth(); step++) {
            // all live beams, grouped by sequence length (one LM call per group and chunk)
            Map<Integer, List<Beam>> byLength = new LinkedHashMap<>();
            for (State s : states) {
                for (Beam b : s.live) {
                    byLength.computeIfAbsent(s.prefix.length + b.tokens.length, k -> new ArrayList<>()).add(b);
                }
            }
            if (byLength.isEmpty()) {
                break;
            }
            for (List<Beam> group : byLength.values()) {
                for (int from = 0; from < group.size(); from += settings.maxRowsPerCall()) {
                    List<Beam> chunk = group.subList(from, Math.min(group.size(), from + settings.maxRowsPerCall()));
                    long[][] seqs = new long[chunk.size()][];
                    for (int i = 0; i < seqs.length; i++) {
                        seqs[i] = chunk.get(i).sequence();
                    }
                    float[][] logits = lm.nextTokenLogits(seqs);
                    if (logits.length != seqs.length) {
                        throw new ModelException("the decoder returned " + logits.length + " rows for "
                            + seqs.length + " sequences", false);
                    }
                    for (int i = 0; i < seqs.length; i++) {
                        if (logits[i].length != vocab.size()) {
                            throw new ModelException("the decoder's vocabulary has " + logits[i].length
                                + " entries but vocab has " + vocab.size(), false);
                        }
                        chunk.get(i).logits = logits[i];
                    }
                }
            }
            for (State s : states) {
                s.advance();
            }
        }
        List<List<Hit>> out = new ArrayList<>(states.size());
        for (State s : states) {
            out.add(s.results());
        }
        return out;
    }

    /**
     * Diagnostics: what the LM would write with no constraint, greedily (argmax over the whole vocabulary),
     * up to {@code <eos>} or {@code maxTokens}. Shows why the trie is needed.
     */
    public int[] greedyUnconstrained(String prompt, int maxTokens, LanguageModel lm) throws ModelException {
        long[] prefix = promptPrefix(prompt);
        int[] out = new int[0];
        for (int i = 0; i < maxTokens; i++) {
            long[] seq = Arrays.copyOf(prefix, prefix.length + out.length);
            for (int j = 0; j < out.length; j++) {
                seq[prefix.length + j] = out[j];
            }
            float[] l = lm.nextTokenLogits(new long[][] {seq})[0];
            int best = 0;
            for (int v = 1; v < l.length; v++) {
                if (l[v] > l[best]) {
                    best = v;
                }
            }
            if (best == vocab.eos()) {
                break;
            }
            out = Arrays.copyOf(out, out.length + 1);
            out[out.length - 1] = best;
        }
        return out;
    }

    /** Token ids as text, space-separated. */
    public String render(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(vocab.token(t));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ internals

    private final class Beam {
        final long[] prefix;
        final int[] tokens;
        final NameTrie.Node node;
        final double logProb;
        float[] logits;

        Beam(long[] prefix, int[] tokens, NameTrie.Node node, double logProb) {
            this.prefix = prefix;
            this.tokens = tokens;
            this.node = node;
            this.logProb = logProb;
        }

        long[] sequence() {
            long[] seq = Arrays.copyOf(prefix, prefix.length + tokens.length);
            for (int i = 0; i < tokens.length; i++) {
                seq[prefix.length + i] = tokens[i];
            }
            return seq;
        }
    }

    private record Candidate(Beam beam, int token, double logProb) {}

    private record Finished(int[] tokens, NameTrie.Node node, double logProb, double score) {}

    private final class State {
        final long[] prefix;
        final NameTrie.TypeFilter filter;
        List<Beam> live = new ArrayList<>();
        final List<Finished> finished = new ArrayList<>();

        State(long[] prefix, NameTrie.TypeFilter filter) {
            this.prefix = prefix;
            this.filter = filter;
            if (trie.allowed(trie.root(), filter).length > 0) {
                live.add(new Beam(prefix, new int[0], trie.root(), 0.0));
            }
        }

        void advance() {
            List<Candidate> candidates = new ArrayList<>();
            for (Beam b : live) {
                float[] l = b.logits;
                double lse = logSumExp(l);
                for (int t : trie.allowed(b.node, filter)) {
                    double lp = Float.isNaN(l[t]) ? Double.NEGATIVE_INFINITY : l[t] - lse;
                    candidates.add(new Candidate(b, t, b.logProb + lp));
                }
                b.logits = null;
            }
            candidates.sort(Comparator.comparingDouble(Candidate::logProb).reversed());
            List<Beam> next = new ArrayList<>(settings.beamWidth());
            for (Candidate c : candidates) {
                if (c.logProb() == Double.NEGATIVE_INFINITY) {
                    break;
                }
                if (c.token() == vocab.eos()) {
                    // finishing costs no LM call: every complete name reached is kept and ranked at the end
                    int len = c.beam().tokens.length + 1;
                    finished.add(new Finished(c.beam().tokens, c.beam().node, c.logProb(),
                        c.logProb() / Math.pow(len, settings.lengthPenalty())));
                } else if (next.size() < settings.beamWidth()) {
                    int[] tokens = Arrays.copyOf(c.beam().tokens, c.beam().tokens.length + 1);
                    tokens[tokens.length - 1] = c.token();
                    next.add(new Beam(prefix, tokens, c.beam().node.child(c.token()), c.logProb()));
                }
            }
            live = next;
        }

        List<Hit> results() {
            finished.sort(Comparator.comparingDouble(Finished::score).reversed()
                .thenComparing(Comparator.comparingDouble(Finished::logProb).reversed()));
            List<Hit> hits = new ArrayList<>();
            Set<List<String>> seen = new HashSet<>();
            for (Finished f : finished) {
                List<KbName> entries = trie.entries(f.node(), filter);
                if (entries.isEmpty()) {
                    continue;
                }
                Set<String> ids = new LinkedHashSet<>();
                for (KbName e : entries) {
                    ids.add(e.conceptId());
                }
                List<String> idList = List.copyOf(ids);
                if (settings.dedupeConcepts() && !seen.add(idList)) {
                    continue;
                }
                hits.add(new Hit(idList, entries.get(0).name(), f.tokens(), f.logProb(), f.score()));
                if (hits.size() >= settings.numReturn()) {
                    break;
                }
            }
            return hits;
        }
    }

    static double logSumExp(float[] l) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : l) {
            if (v > max) {
                max = v;
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (float v : l) {
            if (!Float.isNaN(v)) {
                sum += Math.exp(v - max);
            }
        }
        return max + Math.log(sum);
    }
}
