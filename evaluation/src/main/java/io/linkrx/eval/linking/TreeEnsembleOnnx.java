package io.linkrx.eval.linking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * Boosted trees as an ONNX graph: {@code input} [N, features] → {@code ai.onnx.ml.TreeEnsembleRegressor} (sum of
 * the leaves each row reaches, in log-odds) → Sigmoid → {@code output} [N, 1], the link probability. Split rule
 * {@code BRANCH_LT}: a row goes to the "yes" child when its feature is below the threshold, as in XGBoost.
 */
final class TreeEnsembleOnnx {
    private static final String ML_DOMAIN = "ai.onnx.ml";

    private TreeEnsembleOnnx() {
    }

    static byte[] graph(List<BoostedTreesRanker.Tree> trees, int features, long version) {
        List<Long> treeIds = new ArrayList<>();
        List<Long> nodeIds = new ArrayList<>();
        List<Long> featureIds = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        List<ByteString> modes = new ArrayList<>();
        List<Long> trueIds = new ArrayList<>();
        List<Long> falseIds = new ArrayList<>();
        List<Long> targetTrees = new ArrayList<>();
        List<Long> targetNodes = new ArrayList<>();
        List<Long> targetIds = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (int t = 0; t < trees.size(); t++) {
            BoostedTreesRanker.Tree tree = trees.get(t);
            for (int n = 0; n < tree.feature().length; n++) {
                if (!tree.isNode(n)) {
                    continue;
                }
                boolean leaf = tree.isLeaf(n);
                treeIds.add((long) t);
                nodeIds.add((long) n);
                featureIds.add(leaf ? 0L : tree.feature()[n]);
                values.add(leaf ? 0f : tree.threshold()[n]);
                modes.add(ByteString.copyFrom(leaf ? "LEAF" : "BRANCH_LT", StandardCharsets.UTF_8));
                trueIds.add(leaf ? 0L : tree.yes()[n]);
                falseIds.add(leaf ? 0L : tree.no()[n]);
                if (leaf) {
                    targetTrees.add((long) t);
                    targetNodes.add((long) n);
                    targetIds.add(0L);
                    weights.add(tree.leaf()[n]);
                }
            }
        }
        NodeProto ensemble = NodeProto.newBuilder().setOpType("TreeEnsembleRegressor").setDomain(ML_DOMAIN)
                .setName("trees").addInput(RerankerExport.INPUT).addOutput("log_odds")
                .addAttribute(ints("nodes_treeids", treeIds)).addAttribute(ints("nodes_nodeids", nodeIds))
                .addAttribute(ints("nodes_featureids", featureIds)).addAttribute(floats("nodes_values", values))
                .addAttribute(AttributeProto.newBuilder().setName("nodes_modes").setType(AttributeProto.AttributeType.STRINGS)
                        .addAllStrings(modes))
                .addAttribute(ints("nodes_truenodeids", trueIds)).addAttribute(ints("nodes_falsenodeids", falseIds))
                .addAttribute(ints("target_treeids", targetTrees)).addAttribute(ints("target_nodeids", targetNodes))
                .addAttribute(ints("target_ids", targetIds)).addAttribute(floats("target_weights", weights))
                .addAttribute(AttributeProto.newBuilder().setName("n_targets").setType(AttributeProto.AttributeType.INT).setI(1))
                .addAttribute(floats("base_values", List.of(0f)))
                .addAttribute(AttributeProto.newBuilder().setName("aggregate_function")
                        .setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8("SUM")))
                .addAttribute(AttributeProto.newBuilder().setName("post_transform")
                        .setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8("NONE")))
                .build();
        NodeProto sigmoid = NodeProto.newBuilder().setOpType("Sigmoid").setName("probability").addInput("log_odds")
                .addOutput(RerankerExport.OUTPUT).build();
        GraphProto graph = GraphProto.newBuilder().setName("linkrx-reranker-trees").addNode(ensemble).addNode(sigmoid)
                .addInput(matrix(RerankerExport.INPUT, features)).addOutput(matrix(RerankerExport.OUTPUT, 1)).build();
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("linkrx").setDomain("io.linkrx")
                .setModelVersion(version)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(ML_DOMAIN).setVersion(3))
                .setGraph(graph).build().toByteArray();
    }

    private static AttributeProto ints(String name, List<Long> values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS).addAllInts(values)
                .build();
    }

    private static AttributeProto floats(String name, List<Float> values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOATS)
                .addAllFloats(values).build();
    }

    /** A float matrix of a dynamic number of rows. */
    private static ValueInfoProto matrix(String name, int columns) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(columns)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
