package io.linkrx.launcher.local;

/** A child JVM for {@link JvmProcessTest}: prints a line, then sleeps until it is stopped. */
public final class SleepingMain {

    private SleepingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeping-main started with " + String.join(" ", args));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
