package io.linkrx.teacher.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The trainer's durable label store: a directory holding {@code labels.jsonl}, one {@link StoredLabel} per line,
 * append-only and forced to disk before {@link #append} returns (so the caller may then commit its offsets).
 * A line torn by a crash is cut off when the store opens. Holds note context (PHI): keep the directory private.
 */
public final class LabelStore {
    static final String FILE = "labels.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;

    public LabelStore(Path directory) {
        try {
            Files.createDirectories(directory);
            this.file = directory.resolve(FILE);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            cutTornTail();
        } catch (IOException e) {
            throw new UncheckedIOException(directory + ": cannot open the label store: " + e.getMessage(), e);
        }
    }

    /** Appends the labels and forces them to disk. */
    public synchronized void append(List<StoredLabel> labels) {
        if (labels.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        try {
            for (StoredLabel l : labels) {
                lines.append(JSON.writeValueAsString(l)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a label", e);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot append labels: " + e.getMessage(), e);
        }
    }

    /** Every stored label in arrival order. */
    public synchronized List<StoredLabel> readAll() {
        List<StoredLabel> out = new ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                if (!line.isBlank()) {
                    try {
                        out.add(JSON.readValue(line, StoredLabel.class));
                    } catch (JsonProcessingException e) {
                        // the message would quote the line, which holds note context
                        throw new IllegalStateException(file + ":" + lineNo + ": not a stored label");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read labels: " + e.getMessage(), e);
        }
        return out;
    }

    /** SHA-256 of the store's content: names exactly which labels a model version was trained on. */
    public synchronized String digest() {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read labels: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file() {
        return file;
    }

    private void cutTornTail() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                ch.truncate(keep);
                ch.force(true);
            }
        }
    }
}
