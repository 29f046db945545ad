package io.linkrx.link;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.linkrx.extract.Mention;
import io.linkrx.extract.MentionExtractor;
import io.linkrx.kb.KnowledgeBase;

/**
 * A mention extractor over the names of the re-ranker version now served (the KB plus that version's mention
 * dictionary): after a promotion the names the teacher taught are found in notes too. Rebuilt once per version
 * change, by the first note that sees it.
 */
public final class VersionedExtractor implements MentionExtractor {
    private record Built(String version, MentionExtractor extractor) {
    }

    private final RerankerVersions versions;
    private final Function<KnowledgeBase, MentionExtractor> build;
    private volatile Built built;

    /** @param build an extractor over a version's linking KB */
    public VersionedExtractor(RerankerVersions versions, Function<KnowledgeBase, MentionExtractor> build) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.build = Objects.requireNonNull(build, "build");
    }

    @Override
    public List<Mention> extract(String text) {
        return current().extract(text);
    }

    private MentionExtractor current() {
        RerankerVersions.Version version = versions.current();
        Built b = built;
        if (b == null || !b.version().equals(version.version())) {
            synchronized (this) {
                b = built;
                if (b == null || !b.version().equals(version.version())) {
                    b = new Built(version.version(), build.apply(version.linkingKb()));
                    built = b;
                }
            }
        }
        return b.extractor();
    }
}
