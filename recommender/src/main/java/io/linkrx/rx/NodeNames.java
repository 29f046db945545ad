package io.linkrx.rx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Display names of graph nodes (e.g. Hetionet's {@code id<TAB>name<TAB>kind} nodes file); unknown ids show as the id. */
public final class NodeNames {
    private final Map<String, String> names = new HashMap<>();

    public static NodeNames empty() {
        return new NodeNames();
    }

    /** Reads {@code id<TAB>name[<TAB>…]} lines (header optional; CRLF tolerated). */
    public static NodeNames fromTsv(Path file) {
        NodeNames n = new NodeNames();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.strip().split("\t");
                if (f.length >= 2 && f[0].contains("::")) {
                    n.names.put(f[0], f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    public NodeNames put(String id, String name) {
        names.putIfAbsent(id, name);
        return this;
    }

    public String name(String id) {
        String n = names.get(id);
        if (n != null) {
            return n;
        }
        int sep = id.indexOf("::");
        return sep >= 0 ? id.substring(sep + 2) : id;
    }

    public int size() {
        return names.size();
    }
}
