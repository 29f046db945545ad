package io.linkrx.link;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.kb.KnowledgeBase;
import io.linkrx.serving.repository.PinStore;

/**
 * The re-ranker version the sidecar serves, with everything that belongs to that version: its mention dictionary
 * (extra names for retrieval, dictionary features), its feature contract and its scorer. When the sidecar swaps
 * versions (a promotion or a rollback pins another one) the app follows on the next answer, without a restart:
 * the version directory is read from the same Triton-layout repository the sidecar serves.
 */
public final class RerankerVersions {
    private static final Logger LOG = LoggerFactory.getLogger(RerankerVersions.class);

    /** One version's parts. {@code linkingKb} is the KB plus the version's dictionary names. */
    public record Version(RerankerBundle bundle, MentionDictionary dictionary, KnowledgeBase linkingKb,
                          LinkingFeatures features, CandidateGenerator generator, CandidateScorer scorer) {
        public String version() {
            return bundle.version();
        }
    }

    private final Path modelDir;
    private final Function<Path, Version> loader;
    private final AtomicReference<Version> current;

    private RerankerVersions(Path modelDir, Function<Path, Version> loader, Version first) {
        this.modelDir = modelDir;
        this.loader = loader;
        this.current = new AtomicReference<>(first);
    }

    /**
     * Starts from the version the sidecar serves: the pinned one (a rejected candidate may be newer), else the newest
     * version directory; if the sidecar serves another, its first answer switches to it.
     *
     * @param kb           the KB without any dictionary names
     * @param kbRetriever  retrieval over the KB's own names; each version adds its dictionary names to it
     * @param scorers      the scorer serving a version's bundle (the sidecar client)
     */
    public static RerankerVersions follow(Path modelDir, KnowledgeBase kb, BatchRetriever kbRetriever, int topK,
                                          Function<RerankerBundle, CandidateScorer> scorers) {
        Function<Path, Version> loader = dir -> load(dir, kb, kbRetriever, topK, scorers);
        return new RerankerVersions(modelDir, loader, loader.apply(servedVersionDir(modelDir)));
    }

    /** A single version that never changes (tests, evaluation). */
    public static RerankerVersions fixed(KnowledgeBase linkingKb, MentionDictionary dictionary, CandidateScorer scorer,
                                         CandidateGenerator generator) {
        RerankerBundle bundle = new RerankerBundle("fixed", scorer.modelVersion(), LinkingFeatures.VERSION,
                LinkingFeatures.NAMES, "input", "output", 0, 0.0, java.util.Map.of(), java.util.Map.of());
        return new RerankerVersions(null, dir -> {
            throw new IllegalStateException("a fixed re-ranker does not change versions");
        }, new Version(bundle, dictionary, linkingKb, new LinkingFeatures(linkingKb, dictionary), generator, scorer));
    }

    public Version current() {
        return current.get();
    }

    /**
     * Switches to {@code servedVersion} unless it is already current. False when it cannot be loaded (its directory
     * is not in the repository the app reads): the current version stays.
     */
    public synchronized boolean follow(String servedVersion) {
        Version now = current.get();
        if (now.version().equals(servedVersion)) {
            return true;
        }
        Path dir = modelDir == null ? null : modelDir.resolve(servedVersion);
        if (dir == null || !servedVersion.matches("\\d+") || !Files.isDirectory(dir)) {
            LOG.warn("The sidecar serves {} version {}, which is not in {}; staying on version {}",
                    now.bundle().model(), servedVersion, modelDir, now.version());
            return false;
        }
        try {
            Version next = loader.apply(dir);
            current.set(next);
            LOG.info("Following the sidecar: re-ranker {} version {} -> {} ({} dictionary mentions)",
                    next.bundle().model(), now.version(), next.version(), next.dictionary().size());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Cannot load re-ranker version {} from {}: {}; staying on version {}", servedVersion, modelDir,
                    e.getMessage(), now.version());
            return false;
        }
    }

    /** The pinned version's directory when the pin names one, else the newest. */
    static Path servedVersionDir(Path modelDir) {
        java.util.OptionalLong pin = PinStore.read(modelDir);
        if (pin.isPresent() && Files.isDirectory(modelDir.resolve(Long.toString(pin.getAsLong())))) {
            return modelDir.resolve(Long.toString(pin.getAsLong()));
        }
        return RerankerBundle.latestVersion(modelDir);
    }

    private static Version load(Path versionDir, KnowledgeBase kb, BatchRetriever kbRetriever, int topK,
                                Function<RerankerBundle, CandidateScorer> scorers) {
        RerankerBundle bundle = RerankerBundle.read(versionDir);
        if (!bundle.features().equals(LinkingFeatures.NAMES)) {
            throw new IllegalArgumentException(versionDir + " was trained on features " + bundle.featuresVersion()
                    + ", this app computes " + LinkingFeatures.VERSION);
        }
        MentionDictionary dictionary = RerankerBundle.dictionary(versionDir);
        KnowledgeBase linkingKb = kb.withExtraNames(dictionary.namesByConcept(),
                "dictionary:" + bundle.model() + "@" + bundle.version());
        CandidateGenerator generator = new CandidateGenerator(
                ExtraNames.withNames(kbRetriever, kb, dictionary.namesByConcept(), "dictionary"), dictionary, topK);
        return new Version(bundle, dictionary, linkingKb, new LinkingFeatures(linkingKb, dictionary), generator,
                Objects.requireNonNull(scorers.apply(bundle), "scorer"));
    }
}
