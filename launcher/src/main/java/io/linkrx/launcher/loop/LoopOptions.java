package io.linkrx.launcher.loop;

import io.linkrx.config.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Options of {@code ./linkrx teacher-loop}; without {@code --train} the demo notes are the corpus. */
record LoopOptions(Optional<Path> train, Optional<Path> dev, List<String> kbSpecs, int seedDocs, int streamDocs,
                   int budgetPerHour, int synthesize, boolean teacherNamesOutside, Optional<Path> workDir,
                   boolean keep) {
    static final String USAGE = """
            usage: ./linkrx teacher-loop [--train <file.PubTator> --dev <file.PubTator> --kb <format>:<path> ...
                                          [--seed-docs N] [--stream-docs N]] [--budget-per-hour N]
                                         [--synthesize N] [--teacher-scope candidates|kb] [--work-dir dir] [--keep]
              Runs the teacher loop on the embedded stack with the simulated teacher: version 1 from the seed
              documents, the rest streamed as notes, teacher labels for uncertain mentions, version 2 scored on dev
              and promoted unless it is worse. --synthesize N: synthetic sentences for N concepts nothing covers
              (default 0). --teacher-scope kb: the teacher may name a KB concept that is not among the candidates
              (linkrx.teacher.outside.kb). Without --train: the demo notes (seed, streamed and dev thirds).""";

    static LoopOptions parse(String[] args) {
        Path train = null;
        Path dev = null;
        List<String> kb = new ArrayList<>();
        int seedDocs = 60;
        int streamDocs = Integer.MAX_VALUE;
        int budget = 100_000;
        int synthesize = 0;
        boolean namesOutside = false;
        Path workDir = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train" -> train = Path.of(CommandLine.value(args, ++i, "--train"));
                case "--dev" -> dev = Path.of(CommandLine.value(args, ++i, "--dev"));
                case "--kb" -> kb.add(CommandLine.value(args, ++i, "--kb"));
                case "--seed-docs" -> seedDocs = CommandLine.positive(CommandLine.value(args, ++i, "--seed-docs"), "--seed-docs");
                case "--stream-docs" -> streamDocs = CommandLine.positive(CommandLine.value(args, ++i, "--stream-docs"), "--stream-docs");
                case "--budget-per-hour" -> budget = CommandLine.positive(CommandLine.value(args, ++i, "--budget-per-hour"), "--budget-per-hour");
                case "--synthesize" -> synthesize = Integer.parseInt(CommandLine.value(args, ++i, "--synthesize"));
                case "--teacher-scope" -> namesOutside = switch (CommandLine.value(args, ++i, "--teacher-scope")) {
                    case "candidates" -> false;
                    case "kb" -> true;
                    default -> throw new IllegalArgumentException("--teacher-scope is candidates or kb, not " + args[i]);
                };
                case "--work-dir" -> workDir = Path.of(CommandLine.value(args, ++i, "--work-dir"));
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if ((train == null) != (dev == null) || train != null && kb.isEmpty()) {
            throw new IllegalArgumentException("--train, --dev and --kb go together");
        }
        return new LoopOptions(Optional.ofNullable(train), Optional.ofNullable(dev), List.copyOf(kb), seedDocs, streamDocs,
                budget, synthesize, namesOutside, Optional.ofNullable(workDir), keep);
    }

    LoopData data(Path dir) {
        return train.isEmpty() ? LoopData.demo(dir)
                : LoopData.corpus(train.get(), dev.orElseThrow(), kbSpecs, seedDocs, streamDocs, dir);
    }
}
