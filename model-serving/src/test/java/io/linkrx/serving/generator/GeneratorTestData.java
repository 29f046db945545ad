package io.linkrx.serving.generator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The test KB (30 MeSH/DrugBank concepts) and training pairs from src/test/resources/generator. */
final class GeneratorTestData {
    private GeneratorTestData() {}

    static Path copy(String resource, Path dir) throws IOException {
        Path out = dir.resolve(resource);
        try (InputStream in = GeneratorTestData.class.getResourceAsStream("/generator/" + resource)) {
            if (in == null) {
                throw new IOException("test resource /generator/" + resource + " missing");
            }
            Files.createDirectories(dir);
            Files.copy(in, out);
        }
        return out;
    }

    static List<KbName> names(Path tmp) throws IOException {
        return NamesTsv.read(copy("names.tsv", tmp.resolve("kb")));
    }

    static List<TinyDecoderBuilder.TrainingPair> pairs(Path tmp) throws IOException {
        return TinyDecoderBuilder.readPairs(copy("pairs.tsv", tmp.resolve("kb-pairs")));
    }
}
