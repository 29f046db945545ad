package io.linkrx.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads PubTator files (NCBI Disease, BC5CDR, BioRED, PubTator Central exports): {@code id|t|title},
 * {@code id|a|abstract}, tab-separated mention lines {@code id start end text type ids [parts]}, relation lines
 * (skipped) and a blank line between documents. Ids are split on "|", "+", "," and ";" (composite and
 * alternative annotations); "-1" means NIL. Errors name the file and line, never the text.
 */
public final class PubTatorReader {
    private static final Pattern ID_SEPARATORS = Pattern.compile("[|+,;]");

    private PubTatorReader() {
    }

    /** Reads a whole corpus file, plain or gzip. */
    public static List<PubTatorDocument> read(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = new java.io.BufferedInputStream(raw);
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            if (gzip) {
                in = new GZIPInputStream(in);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read PubTator corpus: " + e.getMessage(), e);
        }
    }

    /** Reads documents from a reader the caller closes; {@code sourceName} is used in error messages. */
    public static List<PubTatorDocument> read(Reader reader, String sourceName) {
        List<PubTatorDocument> docs = new ArrayList<>();
        Builder current = null;
        BufferedReader in = new BufferedReader(reader);
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    if (current != null) {
                        docs.add(current.build());
                        current = null;
                    }
                    continue;
                }
                int bar = line.indexOf('|');
                int tab = line.indexOf('\t');
                if (bar > 0 && (tab < 0 || bar < tab) && line.length() > bar + 2 && line.charAt(bar + 2) == '|') {
                    String id = line.substring(0, bar);
                    char kind = line.charAt(bar + 1);
                    if (current != null && !current.id.equals(id)) {
                        docs.add(current.build()); // files without blank separators
                        current = null;
                    }
                    if (current == null) {
                        current = new Builder(id);
                    }
                    if (kind == 't') {
                        current.title = line.substring(bar + 3);
                    } else if (kind == 'a') {
                        current.abstractText = line.substring(bar + 3);
                    }
                    continue;
                }
                if (current == null) {
                    throw new CorpusFormatException(sourceName + ":" + lineNo + ": annotation before any title line");
                }
                String[] cols = line.split("\t", -1);
                if (cols.length >= 5 && isInt(cols[1]) && isInt(cols[2])) {
                    current.mentions.add(mention(cols, sourceName, lineNo, current.text()));
                } else if (cols.length < 4) {
                    throw new CorpusFormatException(sourceName + ":" + lineNo + ": expected a mention line with at"
                            + " least 5 tab-separated columns, found " + cols.length);
                } // else: a relation line
            }
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": cannot read PubTator corpus: " + e.getMessage(), e);
        }
        if (current != null) {
            docs.add(current.build());
        }
        return docs;
    }

    private static GoldMention mention(String[] cols, String source, int lineNo, String docText) {
        int begin = Integer.parseInt(cols[1]);
        int end = Integer.parseInt(cols[2]);
        if (begin < 0 || end < begin || end > docText.length()) {
            throw new CorpusFormatException(source + ":" + lineNo + ": mention offsets [" + begin + ", " + end
                    + ") are outside the document (length " + docText.length() + ")");
        }
        String type = cols[4].strip();
        List<String> ids = new ArrayList<>();
        String rawIds = cols.length > 5 ? cols[5].strip() : "";
        for (String id : ID_SEPARATORS.split(rawIds)) {
            String trimmed = id.strip();
            if (!trimmed.isEmpty() && !trimmed.equals("-1") && !ids.contains(trimmed)) {
                ids.add(trimmed);
            }
        }
        boolean composite = cols.length > 6 && !cols[6].isBlank() || rawIds.contains("+")
                || "CompositeMention".equalsIgnoreCase(type);
        return new GoldMention(begin, end, cols[3], type, CorpusTypes.of(type), ids, composite);
    }

    private static boolean isInt(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final class Builder {
        final String id;
        String title = "";
        String abstractText = "";
        final List<GoldMention> mentions = new ArrayList<>();

        Builder(String id) {
            this.id = id;
        }

        String text() {
            return abstractText.isEmpty() ? title : title + " " + abstractText;
        }

        PubTatorDocument build() {
            return new PubTatorDocument(id, title, abstractText, mentions);
        }
    }
}
