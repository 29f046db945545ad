package io.linkrx.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs: readiness, log redirection, failures that carry the log tail, and stopping. */
class JvmProcessTest {

    @TempDir
    Path dir;

    @Test
    void startsAChildWhoseOutputGoesToItsLogFileAndStopsIt() {
        Path log = dir.resolve("child.log");
        JvmProcess child = builder(SleepingMain.class.getName(), log).args("hello").start();
        try {
            child.awaitReady(Duration.ofSeconds(30),
                    () -> Files.exists(log) && Files.readString(log).contains("sleeping-main started with hello"));
            assertThat(child.isAlive()).isTrue();
            assertThat(child.handle().parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid());
        } finally {
            child.close();
        }
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void failsFastWithTheLogTailWhenTheChildDiesBeforeItIsReady() {
        JvmProcess child = builder("io.linkrx.NoSuchMain", dir.resolve("dies.log")).start();

        assertThatThrownBy(() -> child.awaitReady(Duration.ofSeconds(30), () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test child exited with code")
                .hasMessageContaining("Last lines of " + dir.resolve("dies.log"))
                .hasMessageContaining("ClassNotFoundException: io.linkrx.NoSuchMain");
    }

    @Test
    void stopsTheChildWhenItIsNotReadyInTime() {
        JvmProcess child = builder(SleepingMain.class.getName(), dir.resolve("slow.log")).start();

        assertThatThrownBy(() -> child.awaitReady(Duration.ofSeconds(1), () -> {
            throw new java.io.IOException("connection refused");
        }))
                .hasMessageContaining("test child was not ready within 1 s")
                .hasMessageContaining("connection refused");
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void runToCompletionReportsAFailedTool() {
        assertThatThrownBy(() -> builder("io.linkrx.NoSuchTool", dir.resolve("tool.log"))
                .runToCompletion(Duration.ofSeconds(30)))
                .hasMessageContaining("test child failed with exit code 1")
                .hasMessageContaining("io.linkrx.NoSuchTool");
    }

    private static JvmProcess.Builder builder(String mainClass, Path log) {
        return JvmProcess.builder("test child")
                .classpath(Classpaths.ofCurrentJvm())
                .mainClass(mainClass)
                .maxHeap("64m")
                .logFile(log);
    }
}
