package io.linkrx.teacher;

import java.util.List;

/**
 * A teacher: a large model (or a simulation of one) that links a mention the student is unsure of, and writes
 * synthetic example sentences for concepts no label covers. Implementations are found through
 * {@link java.util.ServiceLoader} by {@link TeacherProvider#name()}. No Kafka here: the bridge adapts it.
 */
public interface Teacher extends AutoCloseable {

    /** The teacher's choice among the question's candidates, or NIL. Throws {@link TeacherException} when it cannot answer. */
    LabelAnswer label(LabelQuestion question);

    /** Up to {@code question.count()} realistic sentences that use one of the concept's names. */
    List<SyntheticExample> synthesize(SynthesisQuestion question);

    /** The model that answers, e.g. {@code gpt-4o-2024-08-06} or {@code simulated:<corpus file>}. */
    String model();

    /** Calls, tokens and cost so far, failed and corrective calls included (they are paid for too). */
    default TeacherUsage usage() {
        return TeacherUsage.NONE;
    }

    @Override
    default void close() {
    }
}
