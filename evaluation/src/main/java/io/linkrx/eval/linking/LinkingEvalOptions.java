package io.linkrx.eval.linking;

import io.linkrx.config.CommandLine;
import io.linkrx.extract.tagger.CrfTaggerTrainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@code eval linking}. */
record LinkingEvalOptions(Path corpus, List<String> kbs, List<String> synonymKbs, List<Path> train, boolean endToEnd, Path modelRepository,
                          String modelName, String sidecar, int k, double nilThreshold, RerankerTrainer.Kind modelKind,
                          int epochs, long seed, Path out, Path errors, Path index, String encoder, Path tagger, boolean trainTagger, boolean dictionaryExtractor, String taggerEncoder, long taggerSeed, String commandLine, int threads, boolean indexLexical, Path warmup, boolean shortFormsFollow) {
    /**
     * Below this probability of its best candidate a mention is linked to nothing (NIL). Chosen on the BC5CDR dev
     * split's end-to-end document-level F1 (a tagged span the model doubts is more often a tagging error or a concept
     * outside the KB than a right link), checked on BioRED dev. Gold-mention Acc@1 does not depend on it (it scores
     * the first-ranked candidate). The app's own default is lower (README, {@code linkrx.reranker.nil.threshold}).
     */
    static final double DEFAULT_NIL_THRESHOLD = 0.5;
    /**
     * The token vectors a trained tagger learns from unless told otherwise: on BC5CDR dev they lift end-to-end disease
     * F1 from 0.8469 to 0.8538 (FM re-ranker), at the price of minutes instead of seconds of tagger training.
     */
    static final String DEFAULT_TAGGER_ENCODER = "all-minilm-l6-v2";
    /**
     * Dense candidates for gold mentions unless told otherwise: with the trees they lift NCBI dev Acc@1 from 0.9111 to
     * 0.9225 and BC5CDR disease from 0.9011 to 0.9111; end to end they change document F1 by less than 0.004 and cost
     * an encoder call per note, so none there.
     */
    static final String DEFAULT_ENCODER = "all-minilm-l6-v2";

    static final String USAGE = """
            usage: eval linking --corpus <file.PubTator> --kb <type>:<path> [--kb ...] [--gold-mentions | --end-to-end]
                                [--synonyms-from <type>:<path> ...]   (borrow names of same-named concepts, e.g. DrugBank synonyms for MeSH chemicals)
                                [--train <file.PubTator> ...] [--model-repo <dir>] [--model-name reranker]
                                [--sidecar host:port] [--k 20] [--nil-threshold 0.5]
                                [--model logistic|fm|trees]   the re-ranker --train trains; default: trees for gold mentions,
                                                       fm end to end (the best measured for each, README)
                                [--epochs 10] [--seed 42] [--out result.json]
                                [--index <dir>]        Lucene KB index (built over the KB's names when missing)
                                [--encoder all-minilm-l6-v2|<id>|none]   dense candidates from this shipped encoder (default
                                                       all-minilm-l6-v2 for gold mentions without --index, else none: the best
                                                       measured);
                                                       without --index the index is <model-repo>/kb-index/<encoder>-<KB key>,
                                                       built by the first run (minutes) and reused;
                                                       lexical candidates then still come from the in-memory retriever
                                [--index-lexical]      with --encoder: lexical candidates from the index too
                                [--tagger <model.crf> | --train-tagger | --dictionary-extractor]
                                                       end to end: mentions from this CRF tagger, from one trained on --train
                                                       (into <model-repo>/tagger/<n>/model.crf: the default with --train),
                                                       or from the KB dictionary; without --train and --tagger: the newest
                                                       tagger in <model-repo>, else the dictionary
                                [--tagger-seed 1]      with a trained tagger: the CRF training's random seed
                                [--tagger-encoder all-minilm-l6-v2|<id>|none]  with a trained tagger: contextual token vectors
                                                       from this shipped encoder as tagger features, served by the sidecar
                                                       (a tagger trained with them gets them from its metadata); none: without
                                [--short-forms follow|own]   follow (default, as the app): a short form ("OAB") takes the link of
                                                       the written-out mention it stands for ("overactive bladder"); own: its own link
                                [--threads 1]          documents linked in parallel (gold-mention mode)
                                [--warmup <file.PubTator>]   gold-mention mode: link this corpus first, untimed, then empty the
                                                       KB retrieval cache, so mentions/s is the warm JVM's (a running service's)
                                [--errors errors.tsv]   wrong top-1 links (gold mentions) or document-level misses and spurious concepts
                                                       (end to end), with the mention text: corpus text, keep it where the corpus may live""";

    static LinkingEvalOptions parse(String[] args) {
        Path corpus = null;
        List<String> kbs = new ArrayList<>();
        List<String> synonymKbs = new ArrayList<>();
        List<Path> train = new ArrayList<>();
        boolean endToEnd = false;
        Path repo = null;
        String modelName = "reranker";
        String sidecar = null;
        int k = 20;
        double nil = DEFAULT_NIL_THRESHOLD;
        RerankerTrainer.Kind kind = null;
        int epochs = 10;
        long seed = 42;
        long taggerSeed = CrfTaggerTrainer.Options.defaults().seed();
        Path out = null;
        Path errors = null;
        Path index = null;
        String encoder = null;
        Path tagger = null;
        boolean trainTagger = false;
        boolean dictionaryExtractor = false;
        String taggerEncoder = null;
        int threads = 1;
        boolean indexLexical = false;
        Path warmup = null;
        boolean shortFormsFollow = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--gold-mentions" -> endToEnd = false;
                case "--end-to-end" -> endToEnd = true;
                case "--corpus" -> corpus = CommandLine.existingFile(CommandLine.value(args, ++i, a));
                case "--kb" -> kbs.add(CommandLine.value(args, ++i, a));
                case "--synonyms-from" -> synonymKbs.add(CommandLine.value(args, ++i, a));
                case "--train" -> train.add(CommandLine.existingFile(CommandLine.value(args, ++i, a)));
                case "--model-repo" -> repo = Path.of(CommandLine.value(args, ++i, a));
                case "--model-name" -> modelName = CommandLine.value(args, ++i, a);
                case "--sidecar" -> sidecar = CommandLine.value(args, ++i, a);
                case "--k" -> k = CommandLine.positive(CommandLine.value(args, ++i, a), a);
                case "--nil-threshold" -> nil = probability(CommandLine.value(args, ++i, a), a);
                case "--model" -> kind = RerankerTrainer.Kind.of(CommandLine.value(args, ++i, a), a);
                case "--epochs" -> epochs = CommandLine.positive(CommandLine.value(args, ++i, a), a);
                case "--seed" -> seed = Long.parseLong(CommandLine.value(args, ++i, a));
                case "--tagger-seed" -> taggerSeed = Long.parseLong(CommandLine.value(args, ++i, a));
                case "--out" -> out = Path.of(CommandLine.value(args, ++i, a));
                case "--errors" -> errors = Path.of(CommandLine.value(args, ++i, a));
                case "--index" -> index = Path.of(CommandLine.value(args, ++i, a));
                case "--encoder" -> encoder = CommandLine.value(args, ++i, a);
                case "--tagger" -> tagger = CommandLine.existingFile(CommandLine.value(args, ++i, a));
                case "--train-tagger" -> trainTagger = true;
                case "--dictionary-extractor" -> dictionaryExtractor = true;
                case "--tagger-encoder" -> taggerEncoder = CommandLine.value(args, ++i, a);
                case "--threads" -> threads = CommandLine.positive(CommandLine.value(args, ++i, a), a);
                case "--index-lexical" -> indexLexical = true;
                case "--short-forms" -> shortFormsFollow = switch (CommandLine.value(args, ++i, a)) {
                    case "follow" -> true;
                    case "own" -> false;
                    default -> throw new IllegalArgumentException("--short-forms is follow or own, not " + args[i]);
                };
                case "--warmup" -> warmup = CommandLine.existingFile(CommandLine.value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (corpus == null) {
            throw new IllegalArgumentException("--corpus is required");
        }
        if (kbs.isEmpty()) {
            throw new IllegalArgumentException("at least one --kb is required");
        }
        if (train.isEmpty() && repo == null) {
            throw new IllegalArgumentException("give --train corpora, or --model-repo with a trained re-ranker");
        }
        if (dictionaryExtractor && (tagger != null || trainTagger)) {
            throw new IllegalArgumentException("--dictionary-extractor excludes --tagger and --train-tagger");
        }
        // --train trains the learned parts: end to end that includes the tagger, unless one is given
        trainTagger |= endToEnd && !train.isEmpty() && tagger == null && !dictionaryExtractor;
        if (encoder == null) {
            // an index given alone is used as built (lexical, or with the vectors of the encoder named next to it)
            encoder = endToEnd || index != null ? null : DEFAULT_ENCODER;
        } else if (encoder.equals("none")) {
            encoder = null;
        }
        if (kind == null) {
            kind = endToEnd ? RerankerTrainer.Kind.FACTORIZATION_MACHINE : RerankerTrainer.Kind.BOOSTED_TREES;
        }
        if (taggerEncoder != null && !trainTagger) {
            throw new IllegalArgumentException("--tagger-encoder goes with training the tagger (--end-to-end --train;"
                    + " a trained tagger names its encoder)");
        }
        if (trainTagger) {
            taggerEncoder = taggerEncoder == null ? DEFAULT_TAGGER_ENCODER
                    : taggerEncoder.equals("none") ? null : taggerEncoder;
        }
        return new LinkingEvalOptions(corpus, kbs, synonymKbs, train, endToEnd, repo, modelName, sidecar, k, nil, kind, epochs,
                seed, out, errors, index, encoder, tagger, trainTagger, dictionaryExtractor, taggerEncoder, taggerSeed, "eval linking " + String.join(" ", args), threads, indexLexical, warmup,
                shortFormsFollow);
    }

    private static double probability(String value, String option) {
        double p = Double.parseDouble(value);
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(option + " is a probability in [0, 1], not " + value);
        }
        return p;
    }
}
