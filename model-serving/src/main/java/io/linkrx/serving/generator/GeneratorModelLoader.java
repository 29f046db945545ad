package io.linkrx.serving.generator;

import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.model.ModelLoader;
import io.linkrx.serving.model.RuntimeSettings;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.onnx.ConfigParameters;
import io.linkrx.serving.onnx.OrtSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kind {@code generator}: constrained generative linking. Reads {@code model.onnx}, {@code vocab.txt} and
 * {@code names.tsv} from the version directory and builds the name trie; see the package documentation for the
 * files and the config parameters.
 */
public final class GeneratorModelLoader implements ModelLoader {
    private static final Logger LOG = LoggerFactory.getLogger(GeneratorModelLoader.class);

    public static final String KIND = "generator";
    static final int DEFAULT_MAX_BATCH = 32;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ServedModel load(ModelConfig config, Path versionDir, String version, RuntimeSettings runtime)
            throws IOException {
        ModelConfig c = config == null ? ModelConfig.getDefaultInstance() : config;
        String name = c.getName().isEmpty()
            ? versionDir.toAbsolutePath().getParent().getFileName().toString() : c.getName();
        String label = name + "/" + version;
        try {
            ConfigParameters p = new ConfigParameters(c, label);
            int beamWidth = p.integer("beam_width", 5, 1, 256);
            ConstrainedBeamSearch.Settings settings = new ConstrainedBeamSearch.Settings(
                beamWidth,
                p.integer("num_return", beamWidth, 1, 1024),
                decimal(p, "length_penalty", 1.0, label),
                p.integer("max_prompt_tokens", 128, 0, 1 << 16),
                p.bool("dedupe_concepts", true),
                p.integer("max_rows_per_call", 64, 1, 1 << 16));
            WordTokenizer tokenizer = new WordTokenizer(p.bool("lowercase", true));
            Vocabulary vocab = Vocabulary.read(file(versionDir, p.string("vocab_file", "vocab.txt"), label));
            List<KbName> names = NamesTsv.read(file(versionDir, p.string("names_file", "names.tsv"), label));
            NameTrie trie = NameTrie.build(names, vocab, tokenizer);
            if (trie.nameCount() == 0) {
                throw new IOException("model " + label + ": none of the " + names.size()
                    + " names of names.tsv can be written with the vocabulary");
            }
            if (!trie.skipped().isEmpty()) {
                LOG.warn("Model {}: {} of {} names use a token outside the vocabulary and cannot be generated, e.g. '{}'",
                    label, trie.skipped().size(), names.size(), trie.skipped().get(0).name());
            }
            OrtSessions.Opened opened = OrtSessions.open(
                file(versionDir, p.string("model_filename", "model.onnx"), label), runtime, label);
            try {
                OnnxCausalLm lm = new OnnxCausalLm(OrtSessions.environment(), opened.session(),
                    p.string("input_ids_name", "input_ids"), p.string("logits_name", "logits"));
                long declared = lm.declaredVocabularySize();
                if (declared > 0 && declared != vocab.size()) {
                    throw new IOException("model " + label + ": the decoder's logits have " + declared
                        + " entries but the vocabulary has " + vocab.size() + " tokens");
                }
                int maxBatch = c.getMaxBatchSize() > 0 ? c.getMaxBatchSize() : DEFAULT_MAX_BATCH;
                LOG.info("Model {} (generator): {} names of {} concepts types {} in a trie of {} nodes, vocabulary {},"
                        + " beam width {}, K {}", label, trie.nameCount(),
                    names.stream().map(KbName::conceptId).distinct().count(), trie.semanticTypes(), trie.nodeCount(),
                    vocab.size(), settings.beamWidth(), settings.numReturn());
                return new GeneratorModel(name, version, opened, maxBatch, lm, trie,
                    new ConstrainedBeamSearch(trie, tokenizer, settings), p.raw("concept_separator", "|"));
            } catch (IOException | RuntimeException | ai.onnxruntime.OrtException e) {
                opened.session().close();
                throw e;
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("model " + label + ": " + e.getMessage(), e);
        } catch (ai.onnxruntime.OrtException e) {
            throw new IOException("model " + label + ": " + e.getMessage(), e);
        }
    }

    private static Path file(Path dir, String name, String label) throws NoSuchFileException {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new NoSuchFileException(f.toString(), null, "model " + label + ": generator file missing");
        }
        return f;
    }

    private static double decimal(ConfigParameters p, String key, double fallback, String label) {
        String v = p.string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model " + label + ": config parameter '" + key + "' is '" + v
                + "', expected a number");
        }
    }
}
