package io.linkrx.teacher.train;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.linkrx.schema.ModelEvent;

/** The model lifecycle events of {@code mlops.model-events.v1}, built one way everywhere. */
public final class ModelEvents {
    public static final String RETRAIN_REQUESTED = "RETRAIN_REQUESTED";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String PROMOTED = "PROMOTED";
    public static final String REJECTED = "REJECTED";
    public static final String ROLLED_BACK = "ROLLED_BACK";
    public static final String TRAINER = "trainer";

    private ModelEvents() {
    }

    public static ModelEvent retrainRequested(String model, String actor, String reason) {
        return event(RETRAIN_REQUESTED, model, null, null, Map.of(), reason, actor);
    }

    /** The outcome of a retrain cycle: PUBLISHED, then PROMOTED or REJECTED. */
    public static ModelEvent published(RetrainCycle.Outcome o) {
        return event(PUBLISHED, o.model(), Long.toString(o.version()), o.servingVersion().orElse(null),
                o.trainingMetrics(), "retrained on " + o.trainedOn().get("labels_by_source") + " labels and "
                        + o.trainedOn().get("human_mentions") + " human mentions", TRAINER);
    }

    public static ModelEvent decided(RetrainCycle.Outcome o) {
        return event(o.promoted() ? PROMOTED : REJECTED, o.model(), Long.toString(o.version()),
                o.servingVersion().orElse(null), o.decisionMetrics(), o.reason(), TRAINER);
    }

    /** Pins {@code version}; {@code previous} is the version that served before, if known. */
    public static ModelEvent promoted(String model, String version, String previous, String actor, String reason) {
        return event(PROMOTED, model, version, previous, Map.of(), reason, actor);
    }

    /** Pins {@code toVersion} (the event's previousVersion) again, away from {@code fromVersion}. */
    public static ModelEvent rolledBack(String model, String fromVersion, String toVersion, String actor, String reason) {
        return event(ROLLED_BACK, model, fromVersion, toVersion, Map.of(), reason, actor);
    }

    private static ModelEvent event(String type, String model, String version, String previous,
                                    Map<String, Double> metrics, String reason, String actor) {
        return ModelEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventType(type)
                .setModelName(model)
                .setModelVersion(version)
                .setPreviousVersion(previous)
                .setMetrics(Map.copyOf(metrics))
                .setReason(reason == null ? "" : reason)
                .setActor(actor == null ? "" : actor)
                .setOccurredAt(Instant.now())
                .build();
    }
}
