package io.linkrx.eval.linking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import io.linkrx.link.CandidateScorer;

/**
 * Gradient-boosted trees (XGBoost, log loss) as re-ranker. Trees split on feature thresholds, so they learn the
 * interactions a linear model cannot ("an exact name is worth less when the dictionary links the text elsewhere")
 * without feature crosses. After training only the trees are kept: scoring in this JVM walks them, and the ONNX
 * export writes the same trees as an {@code ai.onnx.ml} TreeEnsembleRegressor followed by a sigmoid, so the
 * served graph and the in-process scorer compute the same sum of leaf values.
 */
final class BoostedTreesRanker implements TrainedRanker {
    /**
     * Boosting settings: the library's usual starting point. A one-change-at-a-time grid on the dev splits moved no
     * figure beyond a seed's spread (docs/BENCHMARKS.md), so they stay.
     */
    static final int ROUNDS = 300;
    static final double LEARNING_RATE = 0.1;
    static final int MAX_DEPTH = 6;
    static final double SUBSAMPLE = 0.8;

    private final List<Tree> trees;
    private final int features;

    private BoostedTreesRanker(List<Tree> trees, int features) {
        this.trees = List.copyOf(trees);
        this.features = features;
    }

    /**
     * One regression tree in arrays: node i splits on {@code feature[i]} (x < threshold goes to yes), is a leaf
     * ({@link #LEAF}) or is an id the tree does not use ({@link #ABSENT}: XGBoost's pruning leaves gaps).
     */
    record Tree(int[] feature, float[] threshold, int[] yes, int[] no, float[] leaf) {
        static final int LEAF = -1;
        static final int ABSENT = -2;

        boolean isLeaf(int node) {
            return feature[node] == LEAF;
        }

        boolean isNode(int node) {
            return feature[node] != ABSENT;
        }

        float value(float[] row) {
            int node = 0;
            while (!isLeaf(node)) {
                node = row[feature[node]] < threshold[node] ? yes[node] : no[node];
            }
            return leaf[node];
        }
    }

    static String description(long seed) {
        return "XGBoost " + ROUNDS + " trees (log loss, depth " + MAX_DEPTH + ", learning rate " + LEARNING_RATE
                + ", subsample " + SUBSAMPLE + ", seed " + seed + ")";
    }

    /** Trains on the examples; their weights weigh the loss. */
    static BoostedTreesRanker train(TrainingExamples examples, int featureCount, long seed) {
        int n = examples.rows.size();
        float[] data = new float[n * featureCount];
        float[] labels = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(examples.rows.get(i), 0, data, i * featureCount, featureCount);
            labels[i] = examples.labels.get(i) ? 1f : 0f;
            weights[i] = examples.weights.get(i);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("eta", LEARNING_RATE);
        params.put("max_depth", MAX_DEPTH);
        params.put("subsample", SUBSAMPLE);
        params.put("tree_method", "hist");
        params.put("base_score", 0.5); // margin 0: the graph's sum starts at zero
        params.put("seed", seed);
        params.put("nthread", Runtime.getRuntime().availableProcessors());
        params.put("verbosity", 0);
        DMatrix matrix = null;
        Booster booster = null;
        try {
            matrix = new DMatrix(data, n, featureCount, Float.NaN);
            matrix.setLabel(labels);
            matrix.setWeight(weights);
            booster = XGBoost.train(matrix, params, ROUNDS, Map.of(), null, null);
            return new BoostedTreesRanker(parse(booster.getModelDump("", false, "json")), featureCount);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /** The trees of XGBoost's JSON dump: one document per tree, node ids from 0 (with gaps where pruning removed nodes). */
    static List<Tree> parse(String[] dump) {
        ObjectMapper json = new ObjectMapper();
        List<Tree> out = new ArrayList<>(dump.length);
        for (String treeJson : dump) {
            try {
                List<JsonNode> nodes = new ArrayList<>();
                collect(json.readTree(treeJson), nodes);
                int size = nodes.stream().mapToInt(node -> node.get("nodeid").asInt()).max().orElse(-1) + 1;
                int[] feature = new int[size];
                float[] threshold = new float[size];
                int[] yes = new int[size];
                int[] no = new int[size];
                float[] leaf = new float[size];
                Arrays.fill(feature, Tree.ABSENT);
                for (JsonNode node : nodes) {
                    int id = node.get("nodeid").asInt();
                    if (node.has("leaf")) {
                        feature[id] = Tree.LEAF;
                        leaf[id] = (float) node.get("leaf").asDouble();
                    } else {
                        feature[id] = Integer.parseInt(node.get("split").asText().substring(1)); // "f12"
                        threshold[id] = (float) node.get("split_condition").asDouble();
                        yes[id] = node.get("yes").asInt();
                        no[id] = node.get("no").asInt();
                    }
                }
                out.add(new Tree(feature, threshold, yes, no, leaf));
            } catch (IOException e) {
                throw new IllegalStateException("unreadable XGBoost tree dump: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        for (JsonNode child : node.path("children")) {
            collect(child, into);
        }
    }

    List<Tree> trees() {
        return trees;
    }

    /** The link probability of one row: the sigmoid of the sum of its leaves. */
    double probability(float[] row) {
        double margin = 0;
        for (Tree t : trees) {
            margin += t.value(row);
        }
        return 1.0 / (1.0 + Math.exp(-margin));
    }

    @Override
    public CandidateScorer inProcess(String version) {
        return CandidateScorer.perRow(version, this::probability);
    }

    @Override
    public void writeOnnx(Path file, long version) throws IOException {
        Files.write(file, TreeEnsembleOnnx.graph(trees, features, version));
    }

    @Override
    public int linkColumn() {
        return 0;
    }

    @Override
    public int features() {
        return features;
    }
}
