package io.linkrx.launcher.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo's learned re-ranker: a model version trained by {@code ./linkrx eval linking --train} on the NCBI
 * Disease and BC5CDR training splits (command and metrics in its {@code reranker.json}), shipped in
 * linkrx-demo-data and copied into the sidecar's model repository before the sidecar starts.
 */
final class DemoReranker {
    static final String MODEL = "reranker";
    private static final String RESOURCE_DIR = "linkrx/demo/models/reranker/";
    private static final List<String> FILES = List.of("config.pbtxt", "1/model.onnx", "1/reranker.json",
            "1/mention-dictionary.tsv");

    private DemoReranker() {
    }

    /** Writes {@code <repository>/reranker/...}; returns the model directory. */
    static Path install(Path repository) {
        Path modelDir = repository.resolve(MODEL);
        try {
            for (String file : FILES) {
                Path target = modelDir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = DemoReranker.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing classpath resource " + RESOURCE_DIR + file);
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return modelDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the demo re-ranker into " + repository, e);
        }
    }
}
