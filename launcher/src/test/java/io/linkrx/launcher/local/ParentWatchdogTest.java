package io.linkrx.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A parent killed with SIGKILL runs no shutdown hook: its children must still go away on their own. */
class ParentWatchdogTest {

    private static final Pattern GRANDCHILD_PID = Pattern.compile("grandchild pid (\\d+)");

    @TempDir
    Path dir;

    @Test
    void aChildExitsWhenItsParentIsKilled() throws Exception {
        Path parentLog = dir.resolve("parent.log");
        JvmProcess parent = JvmProcess.builder("parent")
                .classpath(Classpaths.ofCurrentJvm())
                .mainClass(SpawningMain.class.getName())
                .args(dir.resolve("grandchild.log").toString())
                .maxHeap("64m")
                .logFile(parentLog)
                .start();
        long[] grandchildPid = new long[1];
        parent.awaitReady(Duration.ofSeconds(30), () -> {
            Matcher matcher = GRANDCHILD_PID.matcher(Files.exists(parentLog) ? Files.readString(parentLog) : "");
            if (matcher.find()) {
                grandchildPid[0] = Long.parseLong(matcher.group(1));
            }
            return grandchildPid[0] != 0;
        });
        ProcessHandle grandchild = ProcessHandle.of(grandchildPid[0]).orElseThrow();

        parent.handle().destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent

        try {
            grandchild.onExit().get(30, TimeUnit.SECONDS);
        } finally {
            parent.close(); // already dead: only forgets it
            grandchild.destroyForcibly(); // no-op when the watchdog did its job
        }
        assertThat(grandchild.isAlive()).isFalse();
        assertThat(Files.readString(dir.resolve("grandchild.log"))).contains("the parent process is gone");
    }
}
