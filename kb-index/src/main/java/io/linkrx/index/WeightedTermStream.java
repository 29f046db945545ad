package io.linkrx.index;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/**
 * Indexes each term once with its precomputed unit weight as the term frequency (fixed point, see
 * {@link PrecomputedWeightSimilarity#SCALE}). The document side of the cosine is thereby fixed at build time,
 * when the whole KB's statistics are known; Lucene's impacts still bound scores, so top-k search skips blocks.
 */
final class WeightedTermStream extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
    private final List<Map.Entry<String, Double>> weights;
    private Iterator<Map.Entry<String, Double>> next;

    WeightedTermStream(Map<String, Double> weights) {
        this.weights = List.copyOf(weights.entrySet());
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = weights.iterator();
    }

    @Override
    public boolean incrementToken() {
        if (!next.hasNext()) {
            return false;
        }
        clearAttributes();
        Map.Entry<String, Double> e = next.next();
        term.setEmpty().append(e.getKey());
        frequency.setTermFrequency(PrecomputedWeightSimilarity.encode(e.getValue()));
        return true;
    }
}
