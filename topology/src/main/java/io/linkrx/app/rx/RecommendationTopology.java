package io.linkrx.app.rx;

import io.linkrx.app.ops.StageMeter;
import io.linkrx.app.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * linked concepts → drug recommendations (key: patient id, so a patient's notes and drug state stay on one
 * partition and no repartition is needed). The patient's current drugs live in a persistent key-value store
 * backed by a changelog topic, so they survive restarts and move with the partition.
 */
public final class RecommendationTopology {
    public static final String PATIENT_DRUGS_STORE = "rx-patient-drugs";

    private RecommendationTopology() {}

    public static void build(StreamsBuilder builder, Topics topics, RxStage stage, StageMeter meter) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PATIENT_DRUGS_STORE),
                Serdes.String(), new PatientDrugsSerde()));
        builder.stream(topics.linkedConcepts.name(), topics.linkedConcepts.consumed())
                .process(() -> new RecommendationProcessor(stage, meter), Named.as("recommend-drugs"), PATIENT_DRUGS_STORE)
                .to(topics.recommendations.name(), topics.recommendations.produced());
    }
}
