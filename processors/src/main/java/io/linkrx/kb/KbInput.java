package io.linkrx.kb;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * One knowledge-base input: a {@code "classpath:"} resource or a file, plain or gzip (recognised by its magic
 * bytes), read once while the raw bytes are hashed. The hash is of the bytes as stored (compressed for gzip), so
 * it identifies the file that was read without a second pass over it.
 */
public final class KbInput implements Closeable {
    public static final String CLASSPATH_PREFIX = "classpath:";
    private static final int BUFFER = 1 << 16;

    private final String location;
    private final DigestInputStream raw;
    private final InputStream content;

    private KbInput(String location, InputStream rawStream, MessageDigest digest) throws IOException {
        this.location = location;
        this.raw = new DigestInputStream(rawStream, digest);
        InputStream in = new BufferedInputStream(raw, BUFFER);
        if (isGzip(in)) {
            // sniff rather than trust the ".gz" suffix: renamed or served files keep working
            in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
        }
        this.content = in;
    }

    /** Opens {@code location} with its own SHA-256 digest. */
    public static KbInput open(String location) {
        return open(location, sha256());
    }

    /**
     * Opens {@code location}, feeding the raw bytes into {@code digest}; several inputs sharing one digest get
     * one hash over all of them (a UMLS directory's files).
     */
    public static KbInput open(String location, MessageDigest digest) {
        Objects.requireNonNull(location, "location");
        InputStream raw = location.startsWith(CLASSPATH_PREFIX) ? classpath(location) : file(location);
        try {
            return new KbInput(location, raw, digest);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new KnowledgeBaseException(location + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Opens a file path. */
    public static KbInput open(Path path) {
        return open(path.toString());
    }

    /** The location this input was opened from. */
    public String location() {
        return location;
    }

    /** The decompressed content. */
    public InputStream stream() {
        return content;
    }

    /** The content as strictly decoded UTF-8: a latin-1 file fails instead of silently corrupting names. */
    public BufferedReader reader() {
        return new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), BUFFER);
    }

    /**
     * The first 12 hex digits of the SHA-256 of all raw bytes; reads what the parser left unread so the hash
     * covers the whole file even when parsing stopped early.
     */
    public String sha256Prefix() {
        drain();
        return hex12(raw.getMessageDigest());
    }

    /** Feeds the bytes the parser left unread into the digest, without finishing it (for a shared digest). */
    public void drain() {
        try {
            raw.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new KnowledgeBaseException(location + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The first 12 hex digits of a digest (consumes it). */
    public static String hex12(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The last path element of a location, e.g. "CTD_diseases.tsv.gz". */
    public static String fileName(String location) {
        String s = location.startsWith(CLASSPATH_PREFIX) ? location.substring(CLASSPATH_PREFIX.length()) : location;
        while (s.endsWith("/") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return s.substring(slash + 1);
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    private static InputStream classpath(String location) {
        String resource = location.substring(CLASSPATH_PREFIX.length());
        while (resource.startsWith("/")) {
            resource = resource.substring(1);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null) {
            in = KbInput.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new KnowledgeBaseException(location + ": knowledge base resource not found on the classpath");
        }
        return in;
    }

    private static InputStream file(String location) {
        Path path = Path.of(location);
        if (!Files.isRegularFile(path)) {
            throw new KnowledgeBaseException(location + ": knowledge base file not found");
        }
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new KnowledgeBaseException(location + ": cannot open: " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }
}
