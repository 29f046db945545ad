package io.linkrx.kb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which knowledge base to load and how: {@code <format>:<location>[?opt=value&opt=value]}, e.g.
 * <pre>
 * medic:/data/CTD_diseases.tsv.gz
 * medic:/data/CTD_diseases.tsv.gz?altids=medic_altids.tsv
 * mesh:/data/mesh2015_descriptor_terms.tsv?types=chemical
 * umls:/data/META?sab=MSH,SNOMEDCT_US&amp;lang=ENG
 * drugbank:/data/drugbank_vocabulary.csv
 * dict:/data/medic_dictionary.txt?type=disease&amp;altids=medic_altids.tsv
 * </pre>
 * A bare path or a {@code classpath:} location is the linkrx TSV format, so existing {@code linkrx.kb.paths}
 * values keep working. A format prefix has at least two characters, so "C:\kb.tsv" is a path.
 *
 * @param format   a registered {@link KbLoader#format()}
 * @param location what the loader reads (file, directory or classpath resource)
 * @param options  options the format accepts
 */
public record KbSpec(String format, String location, LoadOptions options) {
    /** The format of bare paths and classpath locations. */
    public static final String DEFAULT_FORMAT = "linkrx";
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z][A-Za-z0-9_-]+):(.*)", Pattern.DOTALL);

    public KbSpec {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(location, "location");
        options = options == null ? LoadOptions.NONE : options;
    }

    /**
     * Parses one spec and checks its format and option names against the registered loaders.
     *
     * @throws KnowledgeBaseException naming the spec and the accepted formats or options
     */
    public static KbSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new KnowledgeBaseException("empty knowledge-base spec; expected <format>:<path>[?opt=value&...] "
                    + "or a linkrx TSV path");
        }
        String text = spec.strip();
        String format = DEFAULT_FORMAT;
        String rest = text;
        Matcher m = PREFIX.matcher(text);
        if (m.matches() && !(m.group(1) + ":").equalsIgnoreCase(KbInput.CLASSPATH_PREFIX)) {
            format = m.group(1).toLowerCase(Locale.ROOT);
            rest = m.group(2);
        }
        KbLoader loader = KbLoaders.find(format).orElse(null);
        if (loader == null) {
            throw new KnowledgeBaseException("knowledge-base spec '" + text + "': unknown format '" + format
                    + "'; accepted formats: " + String.join(", ", KbLoaders.formats())
                    + " (a bare path or classpath: location is read as " + DEFAULT_FORMAT + " TSV)");
        }
        int q = rest.indexOf('?');
        String location = (q < 0 ? rest : rest.substring(0, q)).strip();
        if (location.isEmpty()) {
            throw new KnowledgeBaseException("knowledge-base spec '" + text + "': missing location after '"
                    + format + ":'");
        }
        LoadOptions options = LoadOptions.of(query(text, q < 0 ? "" : rest.substring(q + 1)), text);
        for (String name : options.names()) {
            if (!loader.options().contains(name)) {
                throw new KnowledgeBaseException("knowledge-base spec '" + text + "': unknown option '" + name
                        + "' for format " + format + "; accepted options: "
                        + (loader.options().isEmpty() ? "none" : String.join(", ", new TreeSet<>(loader.options()))));
            }
        }
        return new KbSpec(format, location, options);
    }

    /**
     * Parses a comma-separated list of specs. A comma inside the options of a spec separates list values
     * ({@code sab=MSH,SNOMEDCT_US}) unless what follows looks like a new spec or path (it contains ':', '/',
     * '\' or '.'); ';' always separates option list values safely.
     */
    public static List<KbSpec> parseList(String specs) {
        List<KbSpec> parsed = new ArrayList<>();
        for (String s : split(specs == null ? "" : specs)) {
            parsed.add(parse(s));
        }
        return parsed;
    }

    /** Splits a comma-separated list of specs (see {@link #parseList(String)}) without parsing them. */
    public static List<String> split(String specs) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String piece : specs.split(",", -1)) {
            boolean continuesOptions = current != null && current.indexOf("?") >= 0 && !looksLikeSpec(piece);
            if (continuesOptions) {
                current.append(',').append(piece);
            } else {
                if (current != null && !current.toString().isBlank()) {
                    out.add(current.toString().strip());
                }
                current = new StringBuilder(piece);
            }
        }
        if (current != null && !current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static boolean looksLikeSpec(String piece) {
        return piece.indexOf(':') >= 0 || piece.indexOf('/') >= 0 || piece.indexOf('\\') >= 0
                || piece.indexOf('.') >= 0;
    }

    private static Map<String, String> query(String spec, String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query.isBlank()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair.strip() : pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (eq <= 0 || key.isEmpty() || pair.substring(eq + 1).isBlank()) {
                throw new KnowledgeBaseException("knowledge-base spec '" + spec + "': option '" + pair
                        + "' is not of the form name=value");
            }
            if (values.put(key, pair.substring(eq + 1).strip()) != null) {
                throw new KnowledgeBaseException("knowledge-base spec '" + spec + "': option '" + key
                        + "' given twice");
            }
        }
        return values;
    }

    @Override
    public String toString() {
        String opts = options.toString();
        return format + ":" + location + (opts.isEmpty() ? "" : "?" + opts);
    }
}
