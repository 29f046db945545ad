package io.linkrx.extract.tagger;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.classification.sgd.crf.CRFTrainer;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.corpus.PubTatorReader;

/**
 * Trains the CRF tagger on PubTator documents: every sentence becomes a sequence of featurised tokens labelled
 * B-/I-type or O from the gold mentions of the types linkrx links (others, e.g. genes, are O). Logs counts and
 * per-epoch progress, never text.
 */
public final class CrfTaggerTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(CrfTaggerTrainer.class);

    /**
     * Training settings.
     *
     * @param epochs          passes over the training sentences
     * @param learningRate    AdaGrad's initial learning rate
     * @param epsilon         AdaGrad's epsilon
     * @param l2              L2 penalty; above 0 the optimiser is AdaGrad with regularised dual averaging
     * @param seed            shuffling seed
     * @param maxSentences    use at most this many sentences (in file order); 0 = all
     * @param minFeatureCount drop features seen in fewer tokens (1 keeps all): a smaller model
     */
    public record Options(int epochs, double learningRate, double epsilon, double l2, long seed, int maxSentences,
                          int minFeatureCount) {
        public Options {
            if (epochs < 1 || learningRate <= 0 || epsilon <= 0 || l2 < 0 || maxSentences < 0 || minFeatureCount < 1) {
                throw new IllegalArgumentException("invalid training options " + this);
            }
        }

        /**
         * 15 epochs of AdaGrad(0.1, eps 0.1) without regularisation, seed 1, all sentences, features seen at
         * least twice (on NCBI Disease and BC5CDR that more than halves the model at no cost in dev F1).
         */
        public static Options defaults() {
            return new Options(15, 0.1, 0.1, 0.0, 1L, 0, 2);
        }

        public Options withEpochs(int n) {
            return new Options(n, learningRate, epsilon, l2, seed, maxSentences, minFeatureCount);
        }

        public Options withSeed(long s) {
            return new Options(epochs, learningRate, epsilon, l2, s, maxSentences, minFeatureCount);
        }
    }

    /** A training sentence with its gold labels. */
    private record Labelled(EncodedSentence sentence, List<String> labels) {
    }

    /** Labelled sentences and the gold spans that could not be labelled. */
    private record Corpus(List<Labelled> sentences, int skippedSpans) {
    }

    /**
     * With token vectors, each token also sees the vectors of its neighbours on either side: on BC5CDR dev this adds
     * +0.0017 document-level F1 for both types over two seeds (docs/BENCHMARKS.md).
     */
    static final int VECTOR_WINDOW = 1;

    private final TaggerDictionary dictionary;
    private final List<String> dictionarySources;
    private final Options options;
    private final DocumentEncoder encoder;
    private final TokenVectors vectors;

    /**
     * @param dictionary        names for the dictionary features (the tagger must later get the same ones)
     * @param dictionarySources where the names came from, recorded in the metadata
     */
    public CrfTaggerTrainer(TaggerDictionary dictionary, List<String> dictionarySources, Options options) {
        this(dictionary, dictionarySources, options, null);
    }

    /**
     * @param vectors contextual token vectors as features (the tagger must later get the same ones); null for none
     */
    public CrfTaggerTrainer(TaggerDictionary dictionary, List<String> dictionarySources, Options options,
                            TokenVectors vectors) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.dictionarySources = List.copyOf(dictionarySources);
        this.options = Objects.requireNonNull(options, "options");
        this.vectors = vectors;
        this.encoder = new DocumentEncoder(dictionary, vectors);
    }

    /** Trains on PubTator files (plain or gzip). */
    public CrfTaggerModel trainOnFiles(List<Path> files) {
        List<PubTatorDocument> docs = new ArrayList<>();
        List<ModelMetadata.TrainingFile> sources = new ArrayList<>();
        for (Path file : files) {
            List<PubTatorDocument> read = PubTatorReader.read(file);
            docs.addAll(read);
            sources.add(ModelMetadata.TrainingFile.of(file, read.size()));
        }
        return train(docs, sources);
    }

    /** Trains on documents; {@code sources} only goes into the metadata. */
    public CrfTaggerModel train(List<PubTatorDocument> docs, List<ModelMetadata.TrainingFile> sources) {
        long start = System.nanoTime();
        Corpus corpus = label(docs);
        List<Labelled> sentences = corpus.sentences();
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("no training sentences in " + docs.size() + " documents");
        }
        ModelMetadata.VectorsInfo vectorsInfo = vectorsInfo(sentences); // before minutes of training, not after
        Map<String, Integer> counts = featureCounts(sentences);
        LabelFactory labels = new LabelFactory();
        MutableSequenceDataset<Label> dataset = new MutableSequenceDataset<>(
                new SimpleDataSourceProvenance("linkrx PubTator sentences", OffsetDateTime.now(), labels), labels);
        long tokens = 0;
        for (Labelled l : sentences) {
            dataset.add(sequence(l, counts));
            tokens += l.labels().size();
        }
        int features = dataset.getFeatureMap().size();
        LOG.info("Training CRF tagger: {} documents, {} sentences, {} tokens, {} features, labels {}, {}",
                docs.size(), sentences.size(), tokens, features, new TreeSet<>(labelNames(dataset)), options);
        CRFModel crf;
        List<Double> epochSeconds;
        try (EpochProgress progress = new EpochProgress(dataset.size(), options.epochs())) {
            CRFTrainer trainer = new CRFTrainer(optimiser(dataset.size()), options.epochs(), dataset.size(),
                    options.seed());
            progress.start();
            crf = trainer.train(dataset, Map.of());
            epochSeconds = progress.epochSeconds();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Trained CRF tagger in {} s", String.format("%.1f", seconds));
        ModelMetadata metadata = new ModelMetadata(TokenFeatures.VERSION, labelNames(dataset), sources,
                new ModelMetadata.DictionaryInfo(dictionarySources, dictionary.size(), dictionary.fingerprint()),
                options, sentences.size(), tokens, features, corpus.skippedSpans(), epochSeconds, seconds,
                Instant.now().toString(), Tribuo.VERSION, vectorsInfo);
        return new CrfTaggerModel(crf, metadata);
    }

    private ModelMetadata.VectorsInfo vectorsInfo(List<Labelled> sentences) {
        if (vectors == null) {
            return null;
        }
        for (Labelled l : sentences) {
            if (l.sentence().vectors() == null) {
                // a model trained on some sentences without vectors would learn that they may be missing at random
                throw new IllegalStateException("the token vectors of encoder '" + vectors.name()
                        + "' were unavailable for part of the training corpus; not training on partial features");
            }
        }
        return new ModelMetadata.VectorsInfo(vectors.name(), sentences.get(0).sentence().vectors()[0].length,
                VECTOR_WINDOW);
    }

    private Corpus label(List<PubTatorDocument> docs) {
        List<Labelled> out = new ArrayList<>();
        int skipped = 0;
        for (PubTatorDocument doc : docs) {
            List<TypedSpan> gold = new ArrayList<>();
            for (GoldMention m : doc.mentions()) {
                if (m.type() != null && m.end() > m.begin()) {
                    gold.add(new TypedSpan(m.begin(), m.end(), m.type()));
                }
            }
            for (EncodedSentence s : encoder.encode(doc.text()).sentences()) {
                List<TypedSpan> inside = new ArrayList<>();
                for (TypedSpan g : gold) {
                    if (g.begin() >= s.begin() && g.end() <= s.end()) {
                        inside.add(g);
                    } else if (g.begin() >= s.begin() && g.begin() < s.end()) {
                        skipped++; // starts here but crosses the sentence end
                    }
                }
                BioTags.Encoding encoding = BioTags.encode(s.tokens(), inside);
                skipped += encoding.skippedSpans();
                out.add(new Labelled(s, encoding.labels()));
                if (options.maxSentences() > 0 && out.size() >= options.maxSentences()) {
                    return new Corpus(out, skipped);
                }
            }
        }
        return new Corpus(out, skipped);
    }

    private Map<String, Integer> featureCounts(List<Labelled> sentences) {
        if (options.minFeatureCount() <= 1) {
            return Collections.emptyMap();
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Labelled l : sentences) {
            for (List<String> token : l.sentence().features()) {
                for (String f : token) {
                    counts.merge(f, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private SequenceExample<Label> sequence(Labelled l, Map<String, Integer> counts) {
        List<Example<Label>> tokens = new ArrayList<>(l.labels().size());
        for (int i = 0; i < l.labels().size(); i++) {
            List<String> features = l.sentence().features().get(i);
            if (!counts.isEmpty()) {
                features = features.stream().filter(f -> f.equals("b")
                        || counts.getOrDefault(f, 0) >= options.minFeatureCount()).toList();
            }
            tokens.add(CrfTaggerModel.example(features, l.sentence().vectors(), i, VECTOR_WINDOW,
                    new Label(l.labels().get(i))));
        }
        return new SequenceExample<>(tokens);
    }

    private StochasticGradientOptimiser optimiser(int sequences) {
        if (options.l2() > 0) {
            return new AdaGradRDA(options.learningRate(), options.epsilon(), 0.0, options.l2(), sequences);
        }
        return new AdaGrad(options.learningRate(), options.epsilon());
    }

    private static List<String> labelNames(MutableSequenceDataset<Label> dataset) {
        return dataset.getOutputs().stream().map(Label::getLabel).sorted().toList();
    }
}
