package io.linkrx.extract.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.InferenceException;
import io.linkrx.text.Token;

/**
 * Token vectors from an encoder the sidecar serves with {@code spans} pooling: each sentence is one text of the
 * request, each token one span. When the sidecar gives no answer the vectors are unavailable (null) and the tagger
 * tags from its other features: the note is still tagged, less well, and the miss is counted and logged (model name
 * and error only, never text). The first answer pins the model version: vectors of another version (a hot swap to
 * another encoder) would not mean what the tagger learnt, so they count as unavailable too.
 */
public final class SidecarTokenVectors implements TokenVectors {
    private static final Logger LOG = LoggerFactory.getLogger(SidecarTokenVectors.class);

    private final EncoderClient encoder;
    private final String name;
    private final AtomicReference<String> version = new AtomicReference<>();
    private final AtomicLong unavailable = new AtomicLong();

    /**
     * @param encoder the sidecar model serving span vectors
     * @param name    the encoder's identity recorded in a model trained with it (e.g. {@code all-minilm-l6-v2})
     */
    public SidecarTokenVectors(EncoderClient encoder, String name) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    /** Calls that got no usable vectors so far. */
    public long unavailableCalls() {
        return unavailable.get();
    }

    @Override
    public List<float[][]> of(String text, List<Sentence> sentences) {
        List<String> texts = new ArrayList<>(sentences.size());
        List<int[][]> spans = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) {
            texts.add(text.substring(s.begin(), s.end()));
            int[][] offsets = new int[s.tokens().size()][];
            for (int i = 0; i < offsets.length; i++) {
                Token t = s.tokens().get(i);
                offsets[i] = new int[] {t.begin() - s.begin(), t.end() - s.begin()};
            }
            spans.add(offsets);
        }
        EncoderClient.SpanEmbeddings answer;
        try {
            answer = encoder.embedSpans(texts, spans);
        } catch (InferenceException e) {
            return unavailable("failed: " + e.getMessage());
        }
        String pinned = version.compareAndExchange(null, answer.modelVersion());
        if (pinned != null && !pinned.equals(answer.modelVersion())) {
            return unavailable("answered with version " + answer.modelVersion() + " but version " + pinned
                    + " is pinned");
        }
        return List.of(answer.vectors());
    }

    private List<float[][]> unavailable(String why) {
        long n = unavailable.incrementAndGet();
        if (Long.bitCount(n) == 1) { // 1st, 2nd, 4th, 8th ... miss: visible without flooding the log
            LOG.warn("Token vectors from sidecar model '{}' unavailable ({} calls so far), tagging without them: {}",
                    encoder.model(), n, why);
        }
        return null;
    }
}
