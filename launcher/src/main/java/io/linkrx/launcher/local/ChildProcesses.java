package io.linkrx.launcher.local;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps track of the child processes this JVM started and stops them, with their descendants, when this JVM
 * exits: a broker or registry left behind would hold its ports and data directory for the next run.
 */
final class ChildProcesses {

    private static final Duration HOOK_GRACE = Duration.ofSeconds(10);
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(ChildProcesses::stopAll, "linkrx-child-process-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private ChildProcesses() {
    }

    static void register(Process process) {
        LIVE.add(process);
    }

    /**
     * Asks the process to stop (SIGTERM, so the broker and Quarkus shut down cleanly), waits up to
     * {@code grace}, then kills it; does the same to its descendants. Safe to call more than once.
     */
    static void stop(Process process, Duration grace) {
        // taken before the parent dies: afterwards its children are re-parented and no longer listed
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            process.destroy();
            if (!waitFor(process.toHandle(), grace)) {
                process.destroyForcibly();
                waitFor(process.toHandle(), Duration.ofSeconds(10));
            }
            for (ProcessHandle descendant : descendants) {
                descendant.destroy();
                if (!waitFor(descendant, Duration.ofSeconds(5))) {
                    descendant.destroyForcibly();
                }
            }
        } finally {
            LIVE.remove(process);
        }
    }

    private static void stopAll() {
        // in parallel: the hook has little time, and each stop may wait for a clean shutdown
        List<Thread> stoppers = LIVE.stream()
                .map(p -> new Thread(() -> stop(p, HOOK_GRACE), "linkrx-stop-" + p.pid()))
                .toList();
        stoppers.forEach(Thread::start);
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }
}
