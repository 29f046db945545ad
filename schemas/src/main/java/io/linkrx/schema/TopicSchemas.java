package io.linkrx.schema;

import java.util.List;
import org.apache.avro.Schema;

/** The value schema of every linkrx topic: what a deployment registers and what the compatibility check guards. */
public final class TopicSchemas {
    private TopicSchemas() {}

    public static final List<Schema> ALL = List.of(
            ClinicalNote.getClassSchema(),
            NoteMentions.getClassSchema(),
            NoteCandidates.getClassSchema(),
            LinkedNote.getClassSchema(),
            DrugRecommendations.getClassSchema(),
            TeacherLabelingRequest.getClassSchema(),
            TeacherLabel.getClassSchema(),
            ModelEvent.getClassSchema(),
            DeadLetter.getClassSchema());
}
