package io.linkrx.launcher.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started from the current {@code java} binary, with its output in a log file (never on our
 * stdout), registered for stopping at exit, and watching its parent so it dies with it.
 */
public final class JvmProcess implements AutoCloseable {

    /** How long a child gets for a clean shutdown before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int TAIL_LINES = 40;

    /** A readiness check; an exception counts as "not ready yet". */
    @FunctionalInterface
    public interface ReadinessCheck {
        boolean isReady() throws Exception;
    }

    private final String name;
    private final Process process;
    private final Path logFile;

    private JvmProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Polls {@code check} until it answers true. Fails early if the child exits, and after {@code timeout};
     * then stops the child and throws an exception that carries the tail of its log.
     */
    public void awaitReady(Duration timeout, ReadinessCheck check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastProblem = null;
        while (true) {
            if (!process.isAlive()) {
                throw failure(name + " exited with code " + process.exitValue() + " before it was ready");
            }
            try {
                if (check.isReady()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            } catch (Exception e) {
                lastProblem = e;
            }
            if (System.nanoTime() > deadline) {
                String why = lastProblem == null ? "" : " (last check failed with: " + lastProblem + ")";
                close();
                throw failure(name + " was not ready within " + timeout.toSeconds() + " s" + why);
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** Stops the child and its descendants: SIGTERM, then SIGKILL after {@link #STOP_GRACE}. */
    @Override
    public void close() {
        ChildProcesses.stop(process, STOP_GRACE);
    }

    /** The last lines of a log file, for error messages. */
    public static String tail(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return "(no log file " + log + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - 32 * 1024);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(message + System.lineSeparator()
                + "Last lines of " + logFile + ":" + System.lineSeparator() + tail(logFile, TAIL_LINES));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Builds the command line {@code java <options> -cp <classpath> ParentWatchdog <main> <args>}. */
    public static final class Builder {
        private final String name;
        private final List<Path> classpath = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final List<String> removedEnv = new ArrayList<>();
        private String mainClass;
        private String maxHeap = "256m";
        private Path logFile;

        private Builder(String name) {
            this.name = name;
        }

        public Builder classpath(List<Path> entries) {
            classpath.addAll(entries);
            return this;
        }

        public Builder mainClass(String mainClass) {
            this.mainClass = mainClass;
            return this;
        }

        public Builder args(String... values) {
            args.addAll(Arrays.asList(values));
            return this;
        }

        public Builder systemProperty(String key, String value) {
            jvmOptions.add("-D" + key + "=" + value);
            return this;
        }

        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(Arrays.asList(options));
            return this;
        }

        /** Maximum heap, e.g. {@code "512m"}; the initial heap stays small so idle children use little memory. */
        public Builder maxHeap(String size) {
            this.maxHeap = size;
            return this;
        }

        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        /** Environment variables the child must not inherit. */
        public Builder withoutEnv(String... names) {
            removedEnv.addAll(Arrays.asList(names));
            return this;
        }

        public List<String> command() {
            if (mainClass == null) {
                throw new IllegalStateException("no main class for " + name);
            }
            List<Path> fullClasspath = new ArrayList<>(classpath);
            Path watchdog = Classpaths.locationOf(ParentWatchdog.class);
            if (!fullClasspath.contains(watchdog)) {
                fullClasspath.add(watchdog);
            }
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.add("-Xms32m");
            command.add("-Xmx" + maxHeap);
            command.add("-Djava.awt.headless=true");
            command.add("-D" + ParentWatchdog.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(Classpaths.join(fullClasspath));
            command.add(ParentWatchdog.class.getName());
            command.add(mainClass);
            command.addAll(args);
            return command;
        }

        public JvmProcess start() {
            if (logFile == null) {
                throw new IllegalStateException("no log file for " + name);
            }
            WorkDirs.create(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Map<String, String> env = builder.environment();
            removedEnv.forEach(env::remove);
            try {
                Process process = builder.start();
                ChildProcesses.register(process);
                process.getOutputStream().close(); // servers read no input: an open pipe would only leak
                return new JvmProcess(name, process, logFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command()), e);
            }
        }

        /** Runs the child to its end (a tool, not a server); fails with the tail of its log unless it exits 0. */
        public void runToCompletion(Duration timeout) {
            JvmProcess tool = start();
            try {
                if (!tool.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    tool.close();
                    throw tool.failure(name + " did not finish within " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tool.close();
                throw new IllegalStateException("interrupted while running " + name, e);
            }
            tool.close(); // already exited: just forgets it
            if (tool.process.exitValue() != 0) {
                throw tool.failure(name + " failed with exit code " + tool.process.exitValue());
            }
        }

        private static String javaBinary() {
            // the very binary running us, so children get the same JDK as the caller (Maven, IDE, script)
            return ProcessHandle.current().info().command()
                    .filter(cmd -> Path.of(cmd).getFileName().toString().startsWith("java"))
                    .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
    }
}
