package io.linkrx.launcher.local;

import java.nio.file.Path;

/** A child JVM for {@link ParentWatchdogTest}: starts a grandchild, reports its pid, then sleeps. */
public final class SpawningMain {

    private SpawningMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        JvmProcess grandchild = JvmProcess.builder("grandchild")
                .classpath(Classpaths.ofCurrentJvm())
                .mainClass(SleepingMain.class.getName())
                .maxHeap("64m")
                .logFile(Path.of(args[0]))
                .start();
        System.out.println("grandchild pid " + grandchild.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
