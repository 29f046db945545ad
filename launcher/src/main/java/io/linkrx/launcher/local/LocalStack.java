package io.linkrx.launcher.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The embedded default stack: a local Kafka broker and a local schema registry, each a child process with
 * its data and log under one work directory.
 *
 * <p>As a program: {@code LocalStack up [--work-dir DIR] [--keep]} starts both, prints their addresses and
 * runs until Ctrl-C. Each run gets a fresh {@code run-*} folder under the work directory (default
 * {@code <repository>/.linkrx/local-stack}), deleted at exit unless {@code --keep} is given.
 */
public final class LocalStack implements AutoCloseable {

    private final LocalKafkaBroker kafka;
    private final LocalSchemaRegistry registry;
    private final Path workDir;

    private LocalStack(LocalKafkaBroker kafka, LocalSchemaRegistry registry, Path workDir) {
        this.kafka = kafka;
        this.registry = registry;
        this.workDir = workDir;
    }

    /** Starts both servers at once (they take a few seconds each); if one fails, the other is stopped. */
    public static LocalStack start(Path workDir) {
        Path registryJar = RegistryJar.locate(); // before starting anything: the likeliest mistake
        ExecutorService starters = Executors.newFixedThreadPool(2);
        CompletableFuture<LocalKafkaBroker> kafka = CompletableFuture.supplyAsync(
                () -> LocalKafkaBroker.start(workDir.resolve("kafka")), starters);
        CompletableFuture<LocalSchemaRegistry> registry = CompletableFuture.supplyAsync(
                () -> LocalSchemaRegistry.start(registryJar, workDir.resolve("registry"),
                        LocalSchemaRegistry.DEFAULT_START_TIMEOUT), starters);
        try {
            CompletableFuture.allOf(kafka, registry).join();
            return new LocalStack(kafka.join(), registry.join(), workDir);
        } catch (CompletionException e) {
            kafka.thenAccept(LocalKafkaBroker::close);
            registry.thenAccept(LocalSchemaRegistry::close);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            starters.shutdown();
        }
    }

    public LocalKafkaBroker kafka() {
        return kafka;
    }

    public LocalSchemaRegistry registry() {
        return registry;
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("up")) {
            usage();
            System.exit(2);
        }
        Path base = null;
        boolean keep = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--work-dir" -> {
                    if (i + 1 == args.length) {
                        usage();
                        System.exit(2);
                    }
                    base = Path.of(args[++i]);
                }
                case "--keep" -> keep = true;
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        }
        up(base != null ? base : defaultWorkDir(), keep);
    }

    private static void up(Path base, boolean keep) {
        Path runDir = newRunDir(base);
        LocalStack stack;
        try {
            stack = start(runDir);
        } catch (RuntimeException e) {
            System.err.println("linkrx local stack failed to start: " + e.getMessage());
            if (isEmpty(runDir)) {
                WorkDirs.deleteRecursively(runDir);
            } else {
                System.err.println("logs kept in " + runDir);
            }
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            if (!keep) {
                WorkDirs.deleteRecursively(runDir);
            }
            System.out.println("linkrx local stack stopped" + (keep ? "; data and logs kept in " + runDir : ""));
        }, "linkrx-local-stack-stop"));

        System.out.println("linkrx local stack is up");
        System.out.println("  Kafka bootstrap servers : " + stack.kafka().bootstrapServers());
        System.out.println("  Schema registry (ccompat): " + stack.registry().url());
        System.out.println("  Data and logs           : " + runDir);
        System.out.println("Press Ctrl-C to stop.");
        try {
            Thread.currentThread().join(); // until Ctrl-C; the shutdown hook stops both servers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path defaultWorkDir() {
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return RegistryJar.repositoryRoot(cwd).orElse(cwd).resolve(".linkrx").resolve("local-stack");
    }

    private static Path newRunDir(Path base) {
        try {
            return Files.createTempDirectory(Files.createDirectories(base), "run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory under " + base, e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void usage() {
        System.err.println("usage: java -cp \"launcher/target/linkrx-launcher-<version>.jar:launcher/target/lib/*\" "
                + LocalStack.class.getName() + " up [--work-dir DIR] [--keep]");
    }
}
