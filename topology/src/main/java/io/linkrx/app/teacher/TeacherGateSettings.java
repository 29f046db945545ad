package io.linkrx.app.teacher;

import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.config.Setting;
import java.time.Duration;

/**
 * How the teacher-request gate limits what reaches the (paid) teacher.
 *
 * @param dedupeTtl     a request for a mention asked about within this time is suppressed; a waiting request expires after it
 * @param budgetPerHour requests sent per clock hour
 * @param pendingMax    requests that may wait for budget
 * @param drainInterval wall-clock period of the drain (send waiting requests, expire, purge)
 */
public record TeacherGateSettings(Duration dedupeTtl, int budgetPerHour, int pendingMax, Duration drainInterval) {
    public TeacherGateSettings {
        if (dedupeTtl.isNegative() || dedupeTtl.isZero()) {
            throw new IllegalArgumentException(Setting.TEACHER_DEDUPE_TTL_MS.key() + " must be positive, was " + dedupeTtl.toMillis());
        }
        if (budgetPerHour < 0) {
            throw new IllegalArgumentException(Setting.TEACHER_BUDGET_PER_HOUR.key() + " must be at least 0, was " + budgetPerHour);
        }
        if (pendingMax < 0) {
            throw new IllegalArgumentException(Setting.TEACHER_PENDING_MAX.key() + " must be at least 0, was " + pendingMax);
        }
        if (drainInterval.isNegative() || drainInterval.isZero()) {
            throw new IllegalArgumentException(Setting.TEACHER_DRAIN_INTERVAL_MS.key() + " must be positive, was "
                    + drainInterval.toMillis());
        }
    }

    public static TeacherGateSettings fromConfig(LinkrxConfig config) {
        return new TeacherGateSettings(Duration.ofMillis(config.getLong(Setting.TEACHER_DEDUPE_TTL_MS)),
                config.getInt(Setting.TEACHER_BUDGET_PER_HOUR), config.getInt(Setting.TEACHER_PENDING_MAX),
                Duration.ofMillis(config.getLong(Setting.TEACHER_DRAIN_INTERVAL_MS)));
    }
}
