package io.linkrx.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Reads a configuration file in Java properties format into trimmed key/value pairs. */
public final class ConfigFiles {
    private ConfigFiles() {}

    public static Map<String, String> readProperties(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new HashMap<>();
        props.forEach((k, v) -> out.put(k.toString().trim(), v.toString().trim()));
        return out;
    }
}
