package io.linkrx.extract.tagger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** "--name value [value...]" command-line options; unknown names and missing required ones are errors. */
final class CliArgs {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    CliArgs(String[] args, Set<String> known) {
        String current = null;
        for (String a : args) {
            if (a.startsWith("--")) {
                current = a.substring(2);
                if (!known.contains(current)) {
                    throw new IllegalArgumentException("unknown option --" + current + "; known: " + known);
                }
                values.computeIfAbsent(current, k -> new ArrayList<>());
            } else if (current == null) {
                throw new IllegalArgumentException("value '" + a + "' before any --option");
            } else {
                values.get(current).add(a);
            }
        }
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    String required(String name) {
        List<String> v = all(name);
        if (v.size() != 1) {
            throw new IllegalArgumentException("--" + name + " needs exactly one value");
        }
        return v.get(0);
    }

    String optional(String name, String defaultValue) {
        return values.containsKey(name) ? required(name) : defaultValue;
    }
}
