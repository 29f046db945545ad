package io.linkrx.launcher.local;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs in the child JVM in front of its real main class and exits the child when the JVM that started it is
 * gone. The parent's shutdown hook covers normal exits and Ctrl-C; this covers a parent killed with SIGKILL
 * (a test runner's timeout, an IDE's stop button), which runs no hook.
 *
 * <p>Usage: {@code java -Dlinkrx.parent.pid=PID -cp ... io.linkrx.launcher.local.ParentWatchdog MAIN [ARGS...]}
 */
public final class ParentWatchdog {

    static final String PARENT_PID_PROPERTY = "linkrx.parent.pid";

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatchdog MAIN_CLASS [ARGS...]");
        }
        watchParent();
        String[] mainArgs = Arrays.copyOfRange(args, 1, args.length);
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) mainArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watchParent() {
        String pid = System.getProperty(PARENT_PID_PROPERTY);
        if (pid == null || pid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid.trim())).ifPresentOrElse(
                parent -> parent.onExit().thenRun(ParentWatchdog::parentGone),
                ParentWatchdog::parentGone);
    }

    private static void parentGone() {
        System.err.println("linkrx: the parent process is gone, shutting down");
        System.exit(143);
    }
}
