package io.linkrx.teacher.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.kb.SemanticType;
import io.linkrx.schema.TeacherLabelingRequest;

/** The synthesize command's options and plan (publishing is covered by TeacherBridgeIT). */
class SynthesizeCommandTest {
    @TempDir
    Path dir;

    @Test
    void plansRequestsForConceptsTheCoveredFileDoesNotName() throws Exception {
        Path covered = dir.resolve("covered.txt");
        Files.writeString(covered, "# concepts with labels\nN1\nN2\n\nN3\nE1\n");
        SynthesizeCommand.Options o = SynthesizeCommand.parse(new String[] {"--kb", "medic:x.tsv", "--covered",
                covered.toString(), "--types", "Disease", "--max", "4", "--depth", "2"});
        assertThat(o.types()).containsExactly(SemanticType.DISEASE);
        List<TeacherLabelingRequest> plan = SynthesizeCommand.plan(SynthesisRequestsTest.kb(), o);
        assertThat(plan).extracting(r -> r.getCandidates().get(0).getConceptId())
                .containsExactly("B1", "E2", "N4", "X1");
    }

    @Test
    void refusesIncompleteOrBadOptions() {
        assertThatThrownBy(() -> SynthesizeCommand.parse(new String[] {"--max", "3"})).hasMessageContaining("--kb");
        assertThatThrownBy(() -> SynthesizeCommand.parse(new String[] {"--kb", "a", "--max", "0"}))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> SynthesizeCommand.parse(new String[] {"--kb"})).hasMessageContaining("needs a value");
        assertThat(SynthesizeCommand.parse(new String[] {"--kb", "a", "--covered", "none"}).covered()).isEmpty();
    }
}
