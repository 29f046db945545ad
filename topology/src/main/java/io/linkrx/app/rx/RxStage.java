package io.linkrx.app.rx;

import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.config.Setting;
import io.linkrx.rx.note.RxEngine;
import io.linkrx.rx.note.RxFiles;
import io.linkrx.stage.Provenances;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The drug-recommendation stage's shared parts and knobs, built from configuration when a graph is configured. */
public record RxStage(RxEngine engine, int topK, int paths, Duration drugHorizon, Provenances provenances) {
    private static final Logger LOG = LoggerFactory.getLogger(RxStage.class);

    /** Empty when {@code linkrx.rx.kg.path} is empty (recommendations off). Loads the graph and trains the model. */
    public static Optional<RxStage> fromConfig(LinkrxConfig config, Clock clock) {
        int topK = atLeastOne(config, Setting.RX_TOP_K);
        int paths = atLeastOne(config, Setting.RX_PATHS);
        Duration horizon = Duration.ofDays(atLeastOne(config, Setting.RX_DRUG_HORIZON_DAYS));
        Path kg = path(config, Setting.RX_KG_PATH);
        if (kg == null) {
            LOG.info("Drug recommendations off: {} is empty", Setting.RX_KG_PATH.key());
            return Optional.empty();
        }
        RxFiles files = new RxFiles(kg, path(config, Setting.RX_RELATION_GLOSSARY_PATH), path(config, Setting.RX_NODE_NAMES_PATH),
                path(config, Setting.RX_MESH_TREE_PATH), path(config, Setting.RX_DISEASE_XREFS_PATH),
                path(config, Setting.RX_DISEASE_XREFS_PROPAGATED_PATH), path(config, Setting.RX_DRUGBANK_VOCABULARY_PATH));
        long t0 = System.nanoTime();
        RxEngine engine = RxEngine.build(files);
        LOG.info("Drug recommendations on: {} loaded and model {} trained in {} ms (training {} ms); "
                        + "interaction relations {}, contraindication relations {}", engine.kbVersion(), engine.modelVersion(),
                (System.nanoTime() - t0) / 1_000_000, engine.trainMillis(),
                engine.safetyRelations().interactions().size(), engine.safetyRelations().contraindications().size());
        return Optional.of(new RxStage(engine, topK, paths, horizon, new Provenances(clock, engine.kbVersion())));
    }

    private static Path path(LinkrxConfig config, Setting setting) {
        String value = config.get(setting).trim();
        return value.isEmpty() ? null : Path.of(value);
    }

    private static int atLeastOne(LinkrxConfig config, Setting setting) {
        int value = config.getInt(setting);
        if (value < 1) {
            throw new IllegalArgumentException(setting.key() + " must be at least 1, was " + value);
        }
        return value;
    }
}
