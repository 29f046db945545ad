package io.linkrx.serving.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the models served by one ONNX Runtime session. {@link #infer} may run concurrently (ONNX Runtime sessions
 * are thread-safe); {@link #close} waits for running calls, then frees the session, and later calls fail with a
 * {@link ModelException} instead of touching freed native memory (a hot swap closes the old version while the last
 * requests may still be on it).
 */
public abstract class OrtModel implements ServedModel {
    private static final Logger LOG = LoggerFactory.getLogger(OrtModel.class);

    protected final String name;
    protected final String version;
    protected final OrtSession session;
    protected final String device;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    protected OrtModel(String name, String version, OrtSessions.Opened opened) {
        this.name = name;
        this.version = version;
        this.session = opened.session();
        this.device = opened.device();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String platform() {
        return "onnxruntime_onnx";
    }

    @Override
    public String device() {
        return device;
    }

    /** {@code name/version}, for messages. */
    protected String label() {
        return name + "/" + version;
    }

    @Override
    public final List<Tensor> infer(List<Tensor> inputs) throws ModelException {
        if (inputs == null) {
            throw new ModelException("model " + label() + ": no inputs", true);
        }
        ReentrantReadWriteLock.ReadLock read = lock.readLock();
        read.lock();
        try {
            if (closed) {
                throw new ModelException("model " + label() + " is unloaded", false);
            }
            return run(inputs);
        } catch (OrtException e) {
            // ONNX Runtime's messages name nodes and shapes, not tensor contents
            throw new ModelException("model " + label() + ": ONNX Runtime failed: " + e.getMessage(), false, e);
        } finally {
            read.unlock();
        }
    }

    /** Runs one (possibly batched) request; called under the read lock while the session is open. */
    protected abstract List<Tensor> run(List<Tensor> inputs) throws ModelException, OrtException;

    @Override
    public void close() {
        ReentrantReadWriteLock.WriteLock write = lock.writeLock();
        write.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                session.close();
            } catch (OrtException e) {
                LOG.warn("Model {}: closing the ONNX Runtime session failed: {}", label(), e.getMessage());
            }
            closeResources();
        } finally {
            write.unlock();
        }
    }

    /** Frees anything besides the session (tokenizers ...). */
    protected void closeResources() {}
}
