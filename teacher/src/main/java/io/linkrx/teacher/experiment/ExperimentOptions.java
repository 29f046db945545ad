package io.linkrx.teacher.experiment;

import io.linkrx.config.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.linkrx.app.config.Setting;

/** Command-line options of {@code eval teacher-loop}. */
record ExperimentOptions(Path corpus, Path dev, List<String> kbs, int seedDocs, List<Integer> budgets,
                          List<String> strategies, List<Boolean> synthetic, long roundsSeed, int k, int epochs,
                          int teacherCandidates, boolean teacherNamesOutside, int syntheticConcepts,
                          int syntheticPerConcept, int batch, boolean humanHalf, double explore, double confidentPrior,
                          double minScore, double minMargin, String signals, int threads, Path out, String commandLine) {
    static final String USAGE = """
            usage: eval teacher-loop --corpus <train.PubTator> --dev <dev.PubTator> --kb <type>:<path> [--kb ...]
                                     [--seed-docs N]            human-labelled seed documents (default 10 % of --corpus)
                                     [--budgets 0,100,250,500,1000,2000]   cumulative teacher labels per row
                                     [--strategy routed|random|both|routed-no-spread|routed-frequency|routed-explore|expected-gain|adaptive,...]
                                     [--synthetic on|off|both]
                                     [--rounds-seed 42]         seed of the seed-document draw, random choice and training
                                     [--k 20] [--epochs 10]     as eval linking
                                     [--teacher-candidates 10]  student candidates shown to the teacher
                                     [--teacher-scope candidates|kb]  kb: the teacher may name a concept that is not
                                                                among them (linkrx.teacher.outside.kb)
                                     [--batch 250]              labels per retraining within a budget step
                                     [--explore 0.5]            routed-explore: share of each batch drawn at random
                                     [--confident-prior 0.1]    expected-gain: prior P(wrong) of a confident link
                                     [--human-weight half|1]    seed rows weighted to half of the mix, as the
                                                                trainer does (half), or unweighted (1)
                                     [--synthetic-concepts 200] [--synthetic-per-concept 2]
                                     [--min-score 0.7] [--min-margin 0.1] [--signals nil,low-score,...]
                                                                the router's settings (linkrx.teacher.min.*, linkrx.teacher.signals)
                                     [--threads 2] [--out result.json]""";

    static ExperimentOptions parse(String[] args) {
        Path corpus = null;
        Path dev = null;
        List<String> kbs = new ArrayList<>();
        int seedDocs = -1;
        List<Integer> budgets = List.of(0, 100, 250, 500, 1000, 2000);
        List<String> strategies = List.of("routed", "random");
        List<Boolean> synthetic = List.of(false);
        long seed = 42;
        int k = 20;
        int epochs = 10;
        int teacherCandidates = 10;
        boolean namesOutside = false;
        int syntheticConcepts = 200;
        int perConcept = 2;
        int batch = 250;
        boolean humanHalf = true;
        double explore = 0.5;
        double confidentPrior = 0.1;
        double minScore = Double.parseDouble(Setting.TEACHER_MIN_SCORE.defaultValue());
        double minMargin = Double.parseDouble(Setting.TEACHER_MIN_MARGIN.defaultValue());
        String signals = Setting.TEACHER_SIGNALS.defaultValue();
        int threads = 2;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--corpus" -> corpus = CommandLine.existingFile(CommandLine.value(args, ++i, a));
                case "--dev" -> dev = CommandLine.existingFile(CommandLine.value(args, ++i, a));
                case "--kb" -> kbs.add(CommandLine.value(args, ++i, a));
                case "--seed-docs" -> seedDocs = CommandLine.positive(CommandLine.value(args, ++i, a), a);
                case "--budgets" -> budgets = budgets(CommandLine.value(args, ++i, a));
                case "--strategy" -> strategies = strategies(CommandLine.value(args, ++i, a));
                case "--synthetic" -> synthetic = switch (CommandLine.value(args, ++i, a)) {
                    case "on" -> List.of(true);
                    case "off" -> List.of(false);
                    case "both" -> List.of(false, true);
                    default -> throw new IllegalArgumentException("--synthetic is on, off or both, not " + args[i]);
                };
                case "--rounds-seed" -> seed = Long.parseLong(CommandLine.value(args, ++i, a));
                case "--k" -> k = CommandLine.positive(CommandLine.value(args, ++i, a), a);
                case "--epochs" -> epochs = CommandLine.positive(CommandLine.value(args, ++i, a), a);
                case "--teacher-candidates" -> teacherCandidates = CommandLine.positive(CommandLine.value(args, ++i, a), a);
                case "--teacher-scope" -> namesOutside = switch (CommandLine.value(args, ++i, a)) {
                    case "candidates" -> false;
                    case "kb" -> true;
                    default -> throw new IllegalArgumentException("--teacher-scope is candidates or kb, not " + args[i]);
                };
                case "--synthetic-concepts" -> syntheticConcepts = CommandLine.positive(CommandLine.value(args, ++i, a), a);
                case "--synthetic-per-concept" -> perConcept = CommandLine.positive(CommandLine.value(args, ++i, a), a);
                case "--batch" -> batch = CommandLine.positive(CommandLine.value(args, ++i, a), a);
                case "--explore" -> explore = Double.parseDouble(CommandLine.value(args, ++i, a));
                case "--confident-prior" -> confidentPrior = Double.parseDouble(CommandLine.value(args, ++i, a));
                case "--human-weight" -> humanHalf = switch (CommandLine.value(args, ++i, a)) {
                    case "half" -> true;
                    case "1" -> false;
                    default -> throw new IllegalArgumentException("--human-weight is half or 1, not " + args[i]);
                };
                case "--min-score" -> minScore = Double.parseDouble(CommandLine.value(args, ++i, a));
                case "--min-margin" -> minMargin = Double.parseDouble(CommandLine.value(args, ++i, a));
                case "--signals" -> signals = CommandLine.value(args, ++i, a);
                case "--threads" -> threads = CommandLine.positive(CommandLine.value(args, ++i, a), a);
                case "--out" -> out = Path.of(CommandLine.value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (corpus == null || dev == null) {
            throw new IllegalArgumentException("--corpus and --dev are required");
        }
        if (kbs.isEmpty()) {
            throw new IllegalArgumentException("at least one --kb is required");
        }
        return new ExperimentOptions(corpus, dev, kbs, seedDocs, budgets, strategies, synthetic, seed, k, epochs,
                teacherCandidates, namesOutside, syntheticConcepts, perConcept, batch, humanHalf, explore, confidentPrior,
                minScore, minMargin, signals, threads, out,
                "eval teacher-loop " + String.join(" ", args));
    }

    /** The seed size: as given, else 10 % of the training documents (at least one). */
    int seedDocsOf(int trainDocs) {
        return seedDocs > 0 ? Math.min(seedDocs, trainDocs) : Math.max(1, Math.round(trainDocs * 0.1f));
    }

    private static List<String> strategies(String csv) {
        if (csv.equals("both")) {
            return List.of("routed", "random");
        }
        List<String> s = Arrays.stream(csv.split(",")).map(String::strip).toList();
        for (String x : s) {
            if (!List.of("routed", "random", "routed-no-spread", "routed-frequency", "routed-explore", "expected-gain",
                    "adaptive").contains(x)) {
                throw new IllegalArgumentException("--strategy is routed, random, routed-no-spread, routed-frequency,"
                        + " routed-explore, expected-gain, adaptive (comma-separated) or both, not " + x);
            }
        }
        return s;
    }

    private static List<Integer> budgets(String csv) {
        List<Integer> b = Arrays.stream(csv.split(",")).map(String::strip).map(Integer::parseInt).toList();
        for (int i = 0; i < b.size(); i++) {
            if (b.get(i) < 0 || i > 0 && b.get(i) <= b.get(i - 1)) {
                throw new IllegalArgumentException("--budgets must be increasing and non-negative: " + csv);
            }
        }
        return b;
    }
}
