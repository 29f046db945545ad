package io.linkrx.index;

import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.Embeddings;
import io.linkrx.serving.client.InferenceException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link TextEmbedder} over the sidecar's encoder. The first answer pins the model version (unless one is
 * given up front, e.g. the version an index was built with); an answer from another version (a hot swap) is
 * refused, because its vectors could not be compared with the ones already handed out.
 */
public final class SidecarTextEmbedder implements TextEmbedder {
    private final EncoderClient encoder;
    private final AtomicReference<String> version;

    /** Pins the version of the first answer. */
    public SidecarTextEmbedder(EncoderClient encoder) {
        this(encoder, null);
    }

    /** @param expectedVersion the only served version accepted; null: the first answer's */
    public SidecarTextEmbedder(EncoderClient encoder, String expectedVersion) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.version = new AtomicReference<>(expectedVersion);
    }

    /** The version part of a {@link #modelId()}-style id ({@code "encoder@3"} gives {@code "3"}); null without one. */
    public static String versionOf(String modelId) {
        int at = modelId == null ? -1 : modelId.lastIndexOf('@');
        return at < 0 || at == modelId.length() - 1 ? null : modelId.substring(at + 1);
    }

    @Override
    public float[][] embed(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        Embeddings answer;
        try {
            answer = encoder.embed(texts);
        } catch (InferenceException e) {
            throw new EmbeddingException("encoder '" + encoder.model() + "' failed: " + e.getMessage(), e);
        }
        String served = answer.modelVersion();
        String pinned = version.compareAndExchange(null, served);
        if (pinned != null && !pinned.equals(served)) {
            throw new EmbeddingException("encoder '" + encoder.model() + "' answered with version " + served
                    + " but vectors of version " + pinned + " are expected");
        }
        return answer.vectors();
    }

    @Override
    public String modelId() {
        String v = version.get();
        return encoder.model() + "@" + (v == null ? "" : v);
    }
}
