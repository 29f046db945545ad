package io.linkrx.app.rx;

import io.linkrx.app.ops.StageMeter;
import io.linkrx.rx.note.NoteAdvice;
import io.linkrx.rx.note.NoteQuery;
import io.linkrx.rx.note.NoteRecommender;
import io.linkrx.schema.DrugRecommendations;
import io.linkrx.schema.LinkedNote;
import java.util.Set;
import org.apache.kafka.streams.kstream.ValueMapper;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per linked note: remember the drugs it mentions for the patient, then recommend for its conditions, excluding
 * and checking against every drug still current. One output per note (an empty list when there is nothing to
 * recommend), so a consumer can tell "no recommendation" from "not processed yet". One instance per task, so the
 * non-thread-safe recommender session is never shared.
 */
final class RecommendationProcessor implements Processor<String, LinkedNote, String, DrugRecommendations> {
    private final RxStage stage;
    private final StageMeter meter;
    private ProcessorContext<String, DrugRecommendations> context;
    private KeyValueStore<String, PatientDrugs> store;
    private ValueMapper<Input, DrugRecommendations> recommend;

    private record Input(LinkedNote note, NoteConcepts concepts, Set<String> currentDrugs) {}

    RecommendationProcessor(RxStage stage, StageMeter meter) {
        this.stage = stage;
        this.meter = meter;
    }

    @Override
    public void init(ProcessorContext<String, DrugRecommendations> context) {
        this.context = context;
        this.store = context.getStateStore(RecommendationTopology.PATIENT_DRUGS_STORE);
        NoteRecommender session = stage.engine().newSession();
        this.recommend = meter.timed("recommend-drugs", in -> {
            NoteAdvice advice = session.advise(new NoteQuery(in.concepts().conditionMeshIds(), in.currentDrugs(),
                    stage.topK(), stage.paths()));
            return RecommendationMapper.toRecord(in.note(), advice, stage.provenances().now(stage.engine().modelVersion()));
        });
    }

    @Override
    public void process(Record<String, LinkedNote> record) {
        LinkedNote note = record.value();
        if (note == null) {
            return; // a tombstone carries no note
        }
        String patient = record.key() != null && !record.key().isBlank() ? record.key() : note.getPatientId();
        long eventTime = note.getEventTime().toEpochMilli();
        NoteConcepts concepts = NoteConcepts.of(note);
        Set<String> current = concepts.drugs();
        if (patient != null && !patient.isBlank()) { // no patient, no memory: this note's drugs only
            PatientDrugs before = store.get(patient);
            PatientDrugs after = (before == null ? PatientDrugs.EMPTY : before).seen(concepts.drugs(), eventTime)
                    .prunedAt(eventTime, stage.drugHorizon());
            if (!after.equals(before)) {
                store.put(patient, after);
            }
            current = after.currentAt(eventTime, stage.drugHorizon());
        }
        context.forward(record.withValue(recommend.apply(new Input(note, concepts, current))));
    }
}
