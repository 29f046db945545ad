package io.linkrx.serving.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds model repositories on disk for tests. */
public final class TestRepos {
    private TestRepos() {}

    /** A config.pbtxt for the row-sum test model. */
    public static String rowSumConfig(String name, int maxBatchSize, String extra) {
        return "name: \"" + name + "\"\n"
                + "backend: \"python\"\n"
                + "max_batch_size: " + maxBatchSize + "\n"
                + "parameters { key: \"kind\" value { string_value: \"" + TestRowSumLoader.KIND + "\" } }\n"
                + extra;
    }

    public static Path model(Path repo, String name, String config, long... versions) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(name));
        Files.writeString(dir.resolve("config.pbtxt"), config);
        for (long v : versions) {
            version(repo, name, v);
        }
        return dir;
    }

    public static Path version(Path repo, String name, long version) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(name).resolve(Long.toString(version)));
        Files.writeString(dir.resolve("model.bin"), "weights of version " + version);
        return dir;
    }

    public static Path brokenVersion(Path repo, String name, long version) throws IOException {
        Path dir = version(repo, name, version);
        Files.writeString(dir.resolve("fail"), "x");
        return dir;
    }
}
