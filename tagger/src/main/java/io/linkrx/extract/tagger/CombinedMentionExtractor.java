package io.linkrx.extract.tagger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.linkrx.extract.Mention;
import io.linkrx.extract.MentionExtractor;

/**
 * The union of several extractors' mentions (e.g. the CRF tagger and the dictionary) without overlaps: of
 * overlapping mentions the longer span wins, on equal length the extractor listed first. Mentions only one
 * extractor finds are kept. Thread-safe when the extractors are.
 */
public final class CombinedMentionExtractor implements MentionExtractor {
    private final List<MentionExtractor> extractors;

    /** @param extractors in order of precedence for equally long overlapping mentions */
    public CombinedMentionExtractor(List<MentionExtractor> extractors) {
        this.extractors = List.copyOf(extractors);
        if (this.extractors.isEmpty()) {
            throw new IllegalArgumentException("at least one extractor is required");
        }
    }

    private record Candidate(Mention mention, int rank) {
        int length() {
            return mention.end() - mention.begin();
        }
    }

    @Override
    public List<Mention> extract(String text) {
        Objects.requireNonNull(text, "text");
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < extractors.size(); rank++) {
            for (Mention m : extractors.get(rank).extract(text)) {
                candidates.add(new Candidate(m, rank));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::length).reversed()
                .thenComparingInt(Candidate::rank)
                .thenComparingInt(c -> c.mention().begin()));
        List<Mention> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            if (kept.stream().noneMatch(k -> c.mention().begin() < k.end() && k.begin() < c.mention().end())) {
                kept.add(c.mention());
            }
        }
        kept.sort(Comparator.comparingInt(Mention::begin));
        return kept;
    }
}
