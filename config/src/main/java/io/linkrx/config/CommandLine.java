package io.linkrx.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** The small checks every linkrx command's option parser makes, with the same wording everywhere. */
public final class CommandLine {
    private CommandLine() {
    }

    /** The value after option {@code args[i - 1]}. */
    public static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    public static Path existingFile(String path) {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        return p;
    }

    public static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be at least 1, was " + value);
    }
}
