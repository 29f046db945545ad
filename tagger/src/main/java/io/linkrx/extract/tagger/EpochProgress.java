package io.linkrx.extract.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.classification.sgd.crf.CRFTrainer;

/**
 * Per-epoch progress of Tribuo's CRF training. The trainer has no callback, but it logs the average
 * log-likelihood (it calls it "loss") through java.util.logging every {@code loggingInterval} sequences; with
 * the interval set to the number of training sequences that is once per epoch, which this handler times and
 * forwards to SLF4J.
 */
final class EpochProgress extends Handler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrfTaggerTrainer.class);
    private static final Pattern AVERAGE = Pattern.compile("At iteration (\\d+), average loss = (\\S+)");

    private final java.util.logging.Logger tribuo = java.util.logging.Logger.getLogger(CRFTrainer.class.getName());
    private final boolean parentHandlers;
    private final int sequences;
    private final int epochs;
    private final List<Double> epochSeconds = new ArrayList<>();
    private long last = System.nanoTime();

    EpochProgress(int sequences, int epochs) {
        this.sequences = sequences;
        this.epochs = epochs;
        this.parentHandlers = tribuo.getUseParentHandlers();
        tribuo.setUseParentHandlers(false); // else every line is printed twice, once by JUL's console handler
        tribuo.addHandler(this);
    }

    /** Restarts the epoch clock once the trainer starts iterating. */
    void start() {
        last = System.nanoTime();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        Matcher m = AVERAGE.matcher(String.valueOf(record.getMessage()));
        if (!m.matches()) {
            LOG.debug("Tribuo: {}", record.getMessage()); // counts and settings only, never text
            return;
        }
        long now = System.nanoTime();
        double seconds = (now - last) / 1e9;
        last = now;
        epochSeconds.add(seconds);
        LOG.info("CRF epoch {}/{}: {} sentences, average log-likelihood {}, {} s", epochSeconds.size(), epochs,
                sequences, m.group(2), String.format("%.1f", seconds));
    }

    synchronized List<Double> epochSeconds() {
        return List.copyOf(epochSeconds);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        tribuo.removeHandler(this);
        tribuo.setUseParentHandlers(parentHandlers);
    }
}
