package io.linkrx.launcher.loop;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.linkrx.launcher.local.LocalKafkaBroker;
import io.linkrx.launcher.local.LocalSchemaRegistry;
import io.linkrx.launcher.local.LocalSidecar;
import io.linkrx.launcher.local.WorkDirs;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.schema.TeacherLabelingRequest;

/**
 * {@code ./linkrx teacher-loop}: the {@link TeacherLoop} on the embedded stack (broker, registry and sidecar as
 * local processes) with the simulated teacher; prints the dev Acc@1 before and after and the promoted version.
 * Exit code 0 when the loop completed (a rejected version 2 is a completed loop).
 */
public final class TeacherLoopCommand {
    private TeacherLoopCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        LoopOptions options;
        try {
            options = LoopOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(LoopOptions.USAGE);
            return 2;
        }
        Path work = options.workDir().orElseGet(TeacherLoopCommand::tempDir);
        try {
            LoopData data = options.data(dir(work.resolve("data")));
            out.println("Teacher loop on " + data.description());
            try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"));
                 LocalSchemaRegistry registry = LocalSchemaRegistry.start(work.resolve("registry"));
                 LocalSidecar sidecar = LocalSidecar.start(work.resolve("sidecar"),
                         TeacherLoop.sidecarSettings(broker.bootstrapServers(), registry.url()))) {
                out.printf("Kafka %s, registry %s, sidecar %s (pid %d)%n", broker.bootstrapServers(), registry.url(),
                        sidecar.target(), sidecar.processHandle().pid());
                Optional<TeacherLoop.Result> result = new TeacherLoop(data, broker.bootstrapServers(), registry.url(),
                        sidecar, work, out).teacherNamesOutside(options.teacherNamesOutside())
                        .run(options.budgetPerHour(), options.synthesize());
                result.ifPresent(r -> print(r, out));
                return result.isPresent() && (!result.get().promoted()
                        || result.get().versionsAfterPromotion().containsKey(TeacherLoop.MODEL + "@2")) ? 0 : 1;
            }
        } finally {
            if (!options.keep() && options.workDir().isEmpty()) {
                WorkDirs.deleteRecursively(work);
            }
        }
    }

    private static void print(TeacherLoop.Result r, PrintStream out) {
        long mentions = r.stream().stream().mapToLong(n -> n.getMentions().size()).sum();
        Map<String, Long> reasons = r.requests().stream()
                .collect(Collectors.groupingBy(TeacherLabelingRequest::getReason, TreeMap::new, Collectors.counting()));
        Map<String, Long> sources = r.labels().stream()
                .collect(Collectors.groupingBy(TeacherLabel::getLabelSource, TreeMap::new, Collectors.counting()));
        long nil = r.labels().stream().filter(l -> l.getChosenConceptId() == null).count();
        out.printf("Linked mentions in the stream: %d; teacher requests by reason %s; labels %s (%d NIL); "
                + "%d requests the teacher could not answer (dead-lettered)%n", mentions, reasons, sources, nil,
                r.requestDeadLetters());
        out.printf("Version 2 (seed + %d teacher labels), trained on %s: %s - %s%n", r.labels().size(),
                r.published().getMetrics(), r.second().getEventType(), r.second().getReason());
        if (r.promoted()) {
            out.printf("Dev notes linked after the promotion, by model version: %s%n", r.versionsAfterPromotion());
        }
        out.printf("%nBEFORE dev Acc@1 %.4f (%s@1)   AFTER dev Acc@1 %.4f (%s@2, %s)   promoted version: %s@%s%n",
                r.accAt1Before(), TeacherLoop.MODEL, r.accAt1After(), TeacherLoop.MODEL,
                r.second().getEventType().toLowerCase(java.util.Locale.ROOT), TeacherLoop.MODEL,
                r.promoted() ? "2" : "1");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("linkrx-teacher-loop-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a work directory", e);
        }
    }

    private static Path dir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
