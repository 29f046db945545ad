package io.linkrx.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser of the linkrx knowledge-base TSV:
 * <pre>
 * # version: demo-2026.11
 * concept_id  vocabulary  semantic_type  preferred_name  synonyms  abbreviations  xrefs
 * </pre>
 * Tab-separated, "#" comment lines, "|"-separated lists. Trailing empty columns may be missing
 * because editors strip trailing tabs.
 */
final class KbTsvParser {
    static final List<String> HEADER = List.of("concept_id", "vocabulary", "semantic_type", "preferred_name",
            "synonyms", "abbreviations", "xrefs");
    private static final int REQUIRED_COLUMNS = 4;
    private static final Pattern VERSION = Pattern.compile("#\\s*version\\s*:\\s*(\\S.*?)\\s*",
            Pattern.CASE_INSENSITIVE);

    record Result(String version, Map<String, Concept> concepts) {
    }

    private final String source;
    private final Map<String, Concept> concepts = new LinkedHashMap<>();
    private final Map<String, Integer> definedAt = new HashMap<>();
    private String version;
    private boolean sawData;

    KbTsvParser(String source) {
        this.source = source == null ? "<unnamed>" : source;
    }

    Result parse(Reader in) {
        MessageDigest sha = sha256();
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        int lineNo = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                parseLine(line, lineNo);
            }
        } catch (IOException e) {
            throw new KnowledgeBaseException(source + ":" + (lineNo + 1) + ": cannot read: " + e.getMessage(), e);
        }
        if (concepts.isEmpty()) {
            throw new KnowledgeBaseException(source + ": no concepts found");
        }
        String v = version != null ? version : "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        return new Result(v, concepts);
    }

    private void parseLine(String line, int lineNo) {
        if (line.isBlank()) {
            return;
        }
        if (line.startsWith("#")) {
            Matcher m = VERSION.matcher(line);
            if (version == null && m.matches()) {
                version = m.group(1);
            }
            return;
        }
        String[] cols = line.split("\t", -1);
        if (!sawData && cols[0].strip().equalsIgnoreCase(HEADER.get(0))) {
            checkHeader(cols, lineNo);
            sawData = true;
            return;
        }
        sawData = true;
        if (cols.length < REQUIRED_COLUMNS || cols.length > HEADER.size()) {
            throw error(lineNo, "expected " + HEADER.size() + " tab-separated columns ("
                    + String.join(", ", HEADER) + "), found " + cols.length);
        }
        Concept c = toConcept(Arrays.copyOf(cols, HEADER.size()), lineNo);
        Integer first = definedAt.putIfAbsent(c.id(), lineNo);
        if (first != null) {
            throw error(lineNo, "duplicate concept_id " + c.id() + " (first defined at line " + first + ")");
        }
        concepts.put(c.id(), c);
    }

    private Concept toConcept(String[] cols, int lineNo) {
        String id = required(cols[0], "concept_id", lineNo);
        String vocabulary = required(cols[1], "vocabulary", lineNo);
        SemanticType type;
        try {
            type = SemanticType.parse(required(cols[2], "semantic_type", lineNo));
        } catch (IllegalArgumentException e) {
            throw error(lineNo, e.getMessage());
        }
        String preferred = required(cols[3], "preferred_name", lineNo);
        return new Concept(id, vocabulary, type, preferred, list(cols[4]), list(cols[5]), list(cols[6]));
    }

    private void checkHeader(String[] cols, int lineNo) {
        List<String> found = Arrays.stream(cols).map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        if (!HEADER.subList(0, Math.min(found.size(), HEADER.size())).equals(found)
                || found.size() < REQUIRED_COLUMNS) {
            throw error(lineNo, "unexpected header " + found + ", expected " + HEADER);
        }
    }

    private String required(String value, String column, int lineNo) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw error(lineNo, "empty " + column);
        }
        return v;
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String item : value.split("\\|")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return List.copyOf(items);
    }

    private KnowledgeBaseException error(int lineNo, String problem) {
        return new KnowledgeBaseException(source + ":" + lineNo + ": " + problem);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
