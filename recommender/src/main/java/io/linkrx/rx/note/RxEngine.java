package io.linkrx.rx.note;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.linkrx.kg.KgLoader;
import io.linkrx.kg.KnowledgeGraph;
import io.linkrx.kg.Relation;
import io.linkrx.rx.EdgeMask;
import io.linkrx.rx.FeatureSpace;
import io.linkrx.rx.Metapath;
import io.linkrx.rx.NodeNames;
import io.linkrx.rx.Recommender;
import io.linkrx.rx.TreatsLearner;
import io.linkrx.rx.TreatsModel;
import io.linkrx.rx.bridge.CompoundBridge;
import io.linkrx.rx.bridge.DiseaseBridge;
import io.linkrx.rx.safety.SafetyChecker;
import io.linkrx.rx.safety.SafetyRelations;

/**
 * Everything the note recommender shares across threads: the graph, the bridges, the trained model and the
 * safety relations. The model is trained at start on every known treats edge (about a second on the Hetionet
 * subset); persisting and versioning a trained model is future work. Thread-safe; each stream thread takes its
 * own {@link #newSession() session} because {@link Recommender} is not.
 */
public final class RxEngine {
    /** The settings the evaluation (EvalKg, docs/BENCHMARKS.md) measured; changing them changes the model. */
    static final double DAMPING = 0.4;
    static final int EPOCHS = 10;
    static final long SEED = 42;

    private final KnowledgeGraph kg;
    private final FeatureSpace space;
    private final TreatsModel model;
    private final NodeNames names;
    private final DiseaseBridge diseases;
    private final CompoundBridge compounds;     // null: only DrugBank ids resolve
    private final SafetyChecker safety;
    private final String modelVersion;
    private final String kbVersion;
    private final long trainMillis;

    private RxEngine(KnowledgeGraph kg, FeatureSpace space, TreatsModel model, NodeNames names, DiseaseBridge diseases,
                     CompoundBridge compounds, String kbVersion, long trainMillis) {
        this.kg = kg;
        this.space = space;
        this.model = model;
        this.names = names;
        this.diseases = diseases;
        this.compounds = compounds;
        this.safety = new SafetyChecker(kg, names, SafetyRelations.of(kg));
        this.modelVersion = "rx-dwpc-logreg@" + fingerprint(model);
        this.kbVersion = kbVersion;
        this.trainMillis = trainMillis;
    }

    /** Loads the graph and the bridge files, and trains the model. */
    public static RxEngine build(RxFiles files) {
        KgLoader loader = new KgLoader();
        if (files.glossary() != null) {
            loader.glossary(files.glossary());
        }
        KnowledgeGraph kg = loader.load(files.kg());
        NodeNames names = files.nodeNames() == null ? NodeNames.empty() : NodeNames.fromTsv(files.nodeNames());
        CompoundBridge compounds = files.drugbankVocabulary() == null ? null : CompoundBridge.fromCsv(files.drugbankVocabulary());
        if (compounds != null) {
            compounds.names().forEach((id, name) -> names.put("Compound::" + id, name)); // fills gaps only
        }
        DiseaseBridge diseases = new DiseaseBridge(kg, files.doSlimToMesh(), files.doXrefsPropagated(), files.meshTree());
        long t0 = System.nanoTime();
        Relation treats = kg.relationByType("CtD").orElseThrow(
                () -> new IllegalArgumentException(files.kg().getFileName() + " has no treats (CtD) relation to learn from"));
        FeatureSpace space = new FeatureSpace(kg, treats, Metapath.hetionet(kg));
        List<Integer> trainDiseases = new ArrayList<>();
        for (int d : kg.entitiesOfType(treats.tailType())) {
            if (kg.inDegree(treats.index(), d) > 0) {
                trainDiseases.add(d);
            }
        }
        TreatsModel model = new TreatsLearner(space, DAMPING, 0, EPOCHS, SEED).train(trainDiseases, EdgeMask.NONE);
        long trainMillis = (System.nanoTime() - t0) / 1_000_000;
        return new RxEngine(kg, space, model, names, diseases, compounds, kbVersion(files.kg(), kg), trainMillis);
    }

    /** A recommender for one thread. */
    public NoteRecommender newSession() {
        return new NoteRecommender(this, new Recommender(space, model, names, DAMPING));
    }

    KnowledgeGraph graph() { return kg; }

    DiseaseBridge diseases() { return diseases; }

    CompoundBridge compounds() { return compounds; }

    SafetyChecker safety() { return safety; }

    /** {@code rx-dwpc-logreg@<first 12 hex of SHA-256 over the weights>}: equal models, equal versions. */
    public String modelVersion() { return modelVersion; }

    /** The graph file's name and its distinct triple count, e.g. {@code hetionet_subset.drkg.tsv.gz (113870 triples)}. */
    public String kbVersion() { return kbVersion; }

    public long trainMillis() { return trainMillis; }

    public SafetyRelations safetyRelations() { return safety.relations(); }

    static String kbVersion(Path file, KnowledgeGraph kg) {
        return file.getFileName() + " (" + kg.edgeCount() + " triples)";
    }

    private static String fingerprint(TreatsModel model) {
        ByteBuffer buf = ByteBuffer.allocate(8 * (model.weights().length + 2));
        for (double w : model.weights()) {
            buf.putDouble(w);
        }
        buf.putDouble(model.bias()).putDouble(model.offset());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(buf.array());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
