package io.linkrx.launcher.local;

import java.nio.file.Path;

/** A server running as a child JVM of this one: its log, its process, and stopping it. */
public abstract class LocalService implements AutoCloseable {
    private final JvmProcess process;

    protected LocalService(JvmProcess process) {
        this.process = process;
    }

    public Path logFile() {
        return process.logFile();
    }

    public ProcessHandle processHandle() {
        return process.handle();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the server (SIGTERM for a clean shutdown, SIGKILL after a grace period), with its descendants. */
    @Override
    public void close() {
        process.close();
    }
}
