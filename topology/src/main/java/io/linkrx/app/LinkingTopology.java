package io.linkrx.app;

import io.linkrx.app.ops.StageMeter;
import io.linkrx.app.teacher.TeacherRequestGate;
import io.linkrx.app.topics.Topics;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.stage.LinkingOutcome;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * notes → extract mentions → retrieve candidates → re-rank → linked concepts (+ teacher requests, through the
 * gate that dedupes, budgets and spreads them). Each hop goes through its topic so every stage can be replayed,
 * inspected and scaled on its own.
 */
public final class LinkingTopology {
    private LinkingTopology() {}

    public static void build(StreamsBuilder builder, Topics topics, LinkingStages stages, StageMeter meter) {
        builder.stream(topics.notes.name(), topics.notes.consumed())
                .mapValues(meter.timed("extract-mentions", stages.extract()), Named.as("extract-mentions"))
                .to(topics.mentions.name(), topics.mentions.produced());

        builder.stream(topics.mentions.name(), topics.mentions.consumed())
                .mapValues(meter.timed("retrieve-candidates", stages.retrieve()), Named.as("retrieve-candidates"))
                .to(topics.candidates.name(), topics.candidates.produced());

        KStream<String, LinkingOutcome> outcomes = builder.stream(topics.candidates.name(), topics.candidates.consumed())
                .mapValues(meter.timed("rerank", stages.rerank()), Named.as("rerank"));
        outcomes.mapValues(LinkingOutcome::linkedNote, Named.as("linked-note"))
                .to(topics.linkedConcepts.name(), topics.linkedConcepts.produced());
        KStream<String, TeacherLabelingRequest> routed =
                outcomes.flatMapValues(LinkingOutcome::teacherRequests, Named.as("teacher-requests"));
        TeacherRequestGate.gate(builder, routed, stages.teacher().gate(), stages.teacher().subtrees(), meter)
                .to(topics.teacherRequests.name(), topics.teacherRequests.produced());
    }
}
