package io.linkrx.serving.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
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

    /**
     * Token ids, token type ids, attention mask and char span of every token of one text (all the same length). A
     * span is a pair of UTF-16 offsets into the text, as Java indexes strings; special tokens ([CLS], [SEP]) have
     * begin -1.
     */
    public record Tokens(long[] ids, long[] typeIds, long[] mask, int[] begins, int[] ends) {
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
        CharSpan[] spans = e.getCharTokenSpans();
        long[] special = e.getSpecialTokenMask();
        int n = e.getIds().length;
        int[] begins = new int[n];
        int[] ends = new int[n];
        // the Rust tokenizer counts code points; a character outside the BMP is two Java chars
        boolean surrogates = text.codePointCount(0, text.length()) != text.length();
        for (int i = 0; i < n; i++) {
            CharSpan span = spans[i];
            if (span == null || special[i] == 1) {
                begins[i] = -1;
                ends[i] = -1;
            } else {
                begins[i] = surrogates ? text.offsetByCodePoints(0, span.getStart()) : span.getStart();
                ends[i] = surrogates ? text.offsetByCodePoints(0, span.getEnd()) : span.getEnd();
            }
        }
        return new Tokens(e.getIds(), e.getTypeIds(), e.getAttentionMask(), begins, ends);
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
