package io.linkrx.app.teacher;

import io.linkrx.app.ops.StageMeter;
import io.linkrx.route.MeshSubtrees;
import io.linkrx.schema.TeacherLabelingRequest;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The gate between routing and the teacher: duplicates suppressed, a budget per hour, waiting requests sent best
 * first with under-covered MeSH subtrees favoured (see {@link TeacherGateProcessor}). The budget and the coverage
 * are the application's, not a partition's: requests go through a one-partition internal topic, so one task sees
 * them all (they are few: only uncertain mentions). Its state stores are persistent and changelogged, so the gate
 * survives restarts and moves with its task under exactly-once.
 */
public final class TeacherRequestGate {
    /** Request id or mention fingerprint → wall-clock time it was last let through (or queued), epoch ms. */
    public static final String SEEN_STORE = "teacher-gate-seen";
    /** Request id → request waiting for budget. */
    public static final String PENDING_STORE = "teacher-gate-pending";
    /** Clock hour (epoch ms / 3,600,000) → requests sent in it. */
    public static final String BUDGET_STORE = "teacher-gate-budget";
    /** MeSH subtree → requests sent for it so far. */
    public static final String COVERAGE_STORE = "teacher-gate-coverage";
    /** Name of the one-partition internal topic ({@code <application id>-teacher-gate-repartition}). */
    public static final String REPARTITION = "teacher-gate";

    private TeacherRequestGate() {
    }

    /** The requests that may go to the teacher now (at once or later, from the punctuator), keyed by patient id. */
    public static KStream<String, TeacherLabelingRequest> gate(StreamsBuilder builder, KStream<String, TeacherLabelingRequest> routed,
                                                               TeacherGateSettings settings, MeshSubtrees subtrees,
                                                               StageMeter meter) {
        addStores(builder);
        return routed
                .selectKey((patient, request) -> patient != null && !patient.isBlank() ? patient : request.getPatientId(),
                        Named.as("teacher-request-key"))
                .repartition(Repartitioned.<String, TeacherLabelingRequest>as(REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(new TeacherRequestSerde()).withNumberOfPartitions(1))
                .process(() -> new TeacherGateProcessor(settings, subtrees, meter), Named.as("teacher-gate"),
                        SEEN_STORE, PENDING_STORE, BUDGET_STORE, COVERAGE_STORE);
    }

    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
                Serdes.String(), new PendingRequest.StoreSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUDGET_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COVERAGE_STORE),
                Serdes.String(), Serdes.Long()));
    }
}
