package io.linkrx.it.interop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's official JavaScript clients as a test peer: {@code node confluent-peer.mjs <command> ...} from
 * {@code src/test/node} (Confluent's {@code @confluentinc/schemaregistry} serdes, kafkajs for the broker).
 * {@link #install} copies the package into {@code target/} and runs {@code npm ci} there, once per lock file.
 */
final class ConfluentJsPeer {

    private static final Logger LOG = LoggerFactory.getLogger(ConfluentJsPeer.class);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final int MIN_NODE_MAJOR = 18;
    private static final String SCRIPT = "confluent-peer.mjs";
    private static final String INSTALLED_STAMP = ".linkrx-installed-lock-sha256";
    /** Keeps npm quiet and off the network except for the package downloads themselves. */
    private static final Map<String, String> QUIET_ENV = Map.of(
            "NO_UPDATE_NOTIFIER", "1",
            "npm_config_update_notifier", "false",
            "npm_config_fund", "false",
            "npm_config_audit", "false",
            "KAFKAJS_NO_PARTITIONER_WARNING", "1");

    private final Path dir;

    private ConfluentJsPeer(Path dir) {
        this.dir = dir;
    }

    /** Why the peer cannot run here (no node or npm on the PATH, node too old), or empty when it can. */
    static Optional<String> unavailableReason() {
        for (String tool : List.of("node", "npm")) {
            if (onPath(tool).isEmpty()) {
                return Optional.of("'" + tool + "' is not on the PATH: Confluent's JavaScript client cannot run");
            }
        }
        try {
            Result version = exec(Path.of("."), Duration.ofSeconds(20), List.of("node", "--version"));
            int major = Integer.parseInt(version.stdout().strip().replaceFirst("^v", "").split("\\.")[0]);
            return major >= MIN_NODE_MAJOR ? Optional.empty()
                    : Optional.of("node " + version.stdout().strip() + " is older than " + MIN_NODE_MAJOR);
        } catch (RuntimeException e) {
            return Optional.of("'node --version' failed: " + e.getMessage());
        }
    }

    /** Copies the peer package from {@code sourceDir} to {@code installDir} and runs {@code npm ci} unless done. */
    static ConfluentJsPeer install(Path sourceDir, Path installDir) {
        try {
            Files.createDirectories(installDir);
            try (Stream<Path> files = Files.list(sourceDir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("package(-lock)?\\.json|.*\\.mjs"))
                        .toList()) {
                    Files.copy(file, installDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String lockHash = sha256(Files.readAllBytes(installDir.resolve("package-lock.json")));
            Path stamp = installDir.resolve("node_modules").resolve(INSTALLED_STAMP);
            if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(lockHash)) {
                LOG.info("Confluent JS client already installed in {}", installDir);
            } else {
                long started = System.nanoTime();
                // --ignore-scripts: no dependency needs its install script to work (protobufjs only prints a notice)
                exec(installDir, INSTALL_TIMEOUT,
                        List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"));
                Files.writeString(stamp, lockHash);
                LOG.info("npm ci of the Confluent JS client took {} ms", elapsedMillis(started));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the Confluent JS peer into " + installDir, e);
        }
        return new ConfluentJsPeer(installDir);
    }

    /** Runs {@code node confluent-peer.mjs args...}; returns its non-blank stdout lines, fails on a non-zero exit. */
    List<String> run(String... args) {
        List<String> command = new ArrayList<>(List.of("node", SCRIPT));
        command.addAll(List.of(args));
        long started = System.nanoTime();
        Result result = exec(dir, COMMAND_TIMEOUT, command);
        LOG.info("confluent-peer {} took {} ms", args[0], elapsedMillis(started));
        if (!result.stderr().isBlank()) {
            LOG.debug("confluent-peer {} stderr: {}", args[0], result.stderr().strip());
        }
        return result.stdout().lines().filter(line -> !line.isBlank()).toList();
    }

    private record Result(String stdout, String stderr) {}

    /** Runs a command with output in files (no pipe to fill up); kills it and its children after the timeout. */
    private static Result exec(Path workDir, Duration timeout, List<String> command) {
        String what = String.join(" ", command.subList(0, Math.min(2, command.size())));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("confluent-peer-", ".out");
            err = Files.createTempFile("confluent-peer-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(QUIET_ENV);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("'" + what + "' did not finish within " + timeout + "; stderr:\n"
                        + Files.readString(err));
            }
            Result result = new Result(Files.readString(out), Files.readString(err));
            if (process.exitValue() != 0) {
                throw new AssertionError("'" + what + "' exited with " + process.exitValue() + "; stderr:\n"
                        + result.stderr());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run '" + what + "' in " + workDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + what + "'", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static Optional<Path> onPath(String tool) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not delete {}", file, e);
        }
    }
}
