package io.linkrx.stage;

import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.TeacherLabelingRequest;
import java.util.List;

/** What re-ranking one note yields: the linked note, and a teacher request per mention the student is unsure of. */
public record LinkingOutcome(LinkedNote linkedNote, List<TeacherLabelingRequest> teacherRequests) {}
