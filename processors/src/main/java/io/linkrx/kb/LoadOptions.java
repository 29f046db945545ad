package io.linkrx.kb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code opt=value} options of a {@link KbSpec}. Values are taken literally (no URL decoding); list values
 * are separated by ',' or ';'. Errors name the spec the options came from.
 */
public final class LoadOptions {
    public static final LoadOptions NONE = new LoadOptions(Map.of(), "");

    private final Map<String, String> values;
    private final String context;

    private LoadOptions(Map<String, String> values, String context) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.context = context;
    }

    /** Options from a map; {@code context} (usually the spec text) prefixes error messages. */
    public static LoadOptions of(Map<String, String> values, String context) {
        Map<String, String> normalized = new LinkedHashMap<>();
        values.forEach((k, v) -> normalized.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
        return new LoadOptions(normalized, context == null ? "" : context);
    }

    /** Options without error context, for programmatic use. */
    public static LoadOptions of(Map<String, String> values) {
        return of(values, "");
    }

    /** The option names given. */
    public Set<String> names() {
        return values.keySet();
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** A ',' or ';' separated list, without blanks; empty when the option is absent. */
    public List<String> list(String name) {
        String v = values.get(name);
        List<String> items = new ArrayList<>();
        if (v != null) {
            for (String item : v.split("[,;]")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return List.copyOf(items);
    }

    /** One semantic type, e.g. {@code type=chemical}. */
    public SemanticType type(String name, SemanticType defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return SemanticType.parse(v);
        } catch (IllegalArgumentException e) {
            throw error(name, e.getMessage());
        }
    }

    /** A set of semantic types, e.g. {@code types=chemical,disease}; all types when the option is absent. */
    public Set<SemanticType> types(String name) {
        List<String> items = list(name);
        if (items.isEmpty()) {
            return EnumSet.allOf(SemanticType.class);
        }
        EnumSet<SemanticType> types = EnumSet.noneOf(SemanticType.class);
        for (String item : items) {
            try {
                types.add(SemanticType.parse(item));
            } catch (IllegalArgumentException e) {
                throw error(name, e.getMessage());
            }
        }
        return types;
    }

    /** A file named by an option; a relative path is taken relative to {@code base}'s directory. */
    public Optional<Path> path(String name, Path base) {
        return get(name).map(v -> {
            Path p = Path.of(v);
            Path dir = base == null ? null : base.toAbsolutePath().getParent();
            return p.isAbsolute() || dir == null ? p : dir.resolve(p);
        });
    }

    /** An error about option {@code name}, naming the spec. */
    public KnowledgeBaseException error(String name, String problem) {
        String prefix = context.isEmpty() ? "" : context + ": ";
        return new KnowledgeBaseException(prefix + "option " + name + "=" + values.get(name) + ": " + problem);
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadOptions other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
