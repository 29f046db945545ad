package io.linkrx.serving.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} run by DJL's binding of the Rust tokenizers, offline: no padding (the encoder
 * pads each batch to its longest sequence), truncation to {@code maxLength} tokens, special tokens added. The
 * tokenizer.json's own padding/truncation settings are overridden (the MiniLM export pads every text to 128).
 * Thread-safe.
 */
public final class TextTokenizer implements AutoCloseable {
    static {
        offline();
    }

    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;

    /** Token ids, token type ids and attention mask of one text (all the same length). */
    public record Tokens(long[] ids, long[] typeIds, long[] mask) {
        public int length() {
            return ids.length;
        }
    }

    public TextTokenizer(Path tokenizerJson, int maxLength) throws IOException {
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new NoSuchFileException(tokenizerJson.toString(), null, "tokenizer file not found");
        }
        try (InputStream in = Files.newInputStream(tokenizerJson)) {
            this.tokenizer = create(in, maxLength);
        }
        this.maxLength = maxLength;
    }

    public TextTokenizer(InputStream tokenizerJson, int maxLength) throws IOException {
        this.tokenizer = create(tokenizerJson, maxLength);
        this.maxLength = maxLength;
    }

    private static HuggingFaceTokenizer create(InputStream in, int maxLength) throws IOException {
        if (maxLength < 2) {
            throw new IllegalArgumentException("max_length must be at least 2, was " + maxLength);
        }
        Map<String, String> options = Map.of(
                "padding", "false",
                "truncation", "true",
                "maxLength", Integer.toString(maxLength),
                "modelMaxLength", Integer.toString(maxLength),
                "addSpecialTokens", "true");
        try {
            return HuggingFaceTokenizer.newInstance(in, options);
        } catch (RuntimeException e) {
            throw new IOException("cannot read the tokenizer: " + e.getMessage(), e);
        }
    }

    public int maxLength() {
        return maxLength;
    }

    public Tokens encode(String text) {
        Encoding e = tokenizer.encode(text);
        return new Tokens(e.getIds(), e.getTypeIds(), e.getAttentionMask());
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    /**
     * DJL must never reach the network: no telemetry, no download of a native tokenizer build (the CPU build is in
     * the tokenizers jar). Set before any DJL class initialises.
     */
    public static void offline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }
}
