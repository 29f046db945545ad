package io.linkrx.extract.tagger;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a CRF tagger and saves it.
 * <pre>
 * TaggerTrain --train corpus.PubTator.txt [more...] --out model.crf
 *             [--kb kb.tsv | disease=medic_dictionary.txt | chemical=mesh2015_tree_numbers.tsv ...]
 *             [--epochs 15] [--lr 0.1] [--eps 0.1] [--l2 0] [--seed 1] [--max-sentences 0] [--min-feature-count 2]
 * </pre>
 * See {@link DictionarySources} for the dictionary specs; the tagger must later be given the same ones.
 */
public final class TaggerTrain {
    private static final Logger LOG = LoggerFactory.getLogger(TaggerTrain.class);
    private static final Set<String> OPTIONS = Set.of("train", "out", "kb", "epochs", "lr", "eps", "l2", "seed",
            "max-sentences", "min-feature-count");

    private TaggerTrain() {
    }

    public static void main(String[] args) {
        ProtobufWarnings.silenceForOwnModels();
        CliArgs cli = new CliArgs(args, OPTIONS);
        List<Path> train = cli.all("train").stream().map(Path::of).toList();
        if (train.isEmpty()) {
            throw new IllegalArgumentException("--train needs at least one PubTator file");
        }
        Path out = Path.of(cli.required("out"));
        CrfTaggerTrainer.Options d = CrfTaggerTrainer.Options.defaults();
        CrfTaggerTrainer.Options options = new CrfTaggerTrainer.Options(
                Integer.parseInt(cli.optional("epochs", String.valueOf(d.epochs()))),
                Double.parseDouble(cli.optional("lr", String.valueOf(d.learningRate()))),
                Double.parseDouble(cli.optional("eps", String.valueOf(d.epsilon()))),
                Double.parseDouble(cli.optional("l2", String.valueOf(d.l2()))),
                Long.parseLong(cli.optional("seed", String.valueOf(d.seed()))),
                Integer.parseInt(cli.optional("max-sentences", String.valueOf(d.maxSentences()))),
                Integer.parseInt(cli.optional("min-feature-count", String.valueOf(d.minFeatureCount()))));
        TaggerDictionary dictionary = DictionarySources.load(cli.all("kb"));
        LOG.info("Dictionary: {} names of types {}", dictionary.size(), dictionary.types());
        CrfTaggerModel model = new CrfTaggerTrainer(dictionary, cli.all("kb"), options).trainOnFiles(train);
        model.save(out);
        LOG.info("Saved tagger model to {} (metadata {})", out, CrfTaggerModel.metadataPath(out));
    }
}
