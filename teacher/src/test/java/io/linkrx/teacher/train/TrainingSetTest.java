package io.linkrx.teacher.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.kb.SemanticType;

class TrainingSetTest {
    private static PubTatorDocument human(String id, int mentions) {
        List<GoldMention> ms = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < mentions; i++) {
            int begin = text.length();
            text.append("heart attack ");
            ms.add(new GoldMention(begin, begin + 12, "heart attack", "Disease", SemanticType.DISEASE,
                    List.of("D009203"), false));
        }
        return new PubTatorDocument(id, text.toString().strip(), "", ms);
    }

    private static List<StoredLabel> teacherLabels(int n, String source) {
        List<StoredLabel> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TrainingData.label(source + "-" + i, "note-" + i, "STEMI", "D009203", source, 1000 + i));
        }
        return out;
    }

    @Test
    void humanDocumentsAreUpsampledToHalfOfTheMixWhenLabelsOutnumberThem() {
        // Given 4 human mentions and 12 teacher + 4 synthetic labels
        List<PubTatorDocument> humans = List.of(human("h1", 2), human("h2", 2));
        List<StoredLabel> labels = new ArrayList<>(teacherLabels(12, "simulated"));
        labels.addAll(teacherLabels(4, "synthetic"));

        // When
        TrainingSet set = TrainingSet.of(humans, labels);

        // Then human rows weigh 16 / 4, so 4 human mentions x 4 = 16 label mentions x 1
        assertThat(set.humanWeight()).isEqualTo(4.0);
        assertThat(set.weight(humans.get(0))).isEqualTo(4.0);
        PubTatorDocument labelDoc = set.documents().get(2);
        assertThat(set.weight(labelDoc)).isEqualTo(1.0);
        assertThat(set.documents()).hasSize(2 + 16);
        assertThat(set.labelsBySource()).containsEntry("simulated", 12).containsEntry("synthetic", 4);
    }

    @Test
    void humanDocumentsKeepWeightOneWhenTheyAreTheMajority() {
        TrainingSet set = TrainingSet.of(List.of(human("h1", 5)), teacherLabels(3, "teacher"));

        assertThat(set.humanWeight()).isEqualTo(1.0);
        assertThat(set.weight(set.documents().get(0))).isEqualTo(1.0);
    }

    @Test
    void humanLabelsCountOnTheHumanSideOfTheMix() {
        List<StoredLabel> labels = new ArrayList<>(teacherLabels(6, "teacher"));
        labels.add(TrainingData.label("h-1", "note-h", "STEMI", "D009203", "human", 5));

        TrainingSet set = TrainingSet.of(List.of(human("h1", 1)), labels);

        // 2 human mentions (one document, one human label) against 6 teacher labels
        assertThat(set.humanWeight()).isEqualTo(3.0);
        PubTatorDocument humanLabel = set.documents().get(set.documents().size() - 1);
        assertThat(set.weight(humanLabel)).isEqualTo(3.0);
    }

    @Test
    void theNewestLabelOfARequestWinsAndSyntheticSentencesStaySeparate() {
        // Given a request answered twice (the later answer arrived first) and a synthesis request with two sentences
        StoredLabel newer = TrainingData.label("r1", "n1", "STEMI", "D009203", "teacher", 2000);
        StoredLabel older = TrainingData.label("r1", "n1", "STEMI", "D006333", "teacher", 1000);
        StoredLabel s1 = new StoredLabel("s1", "synthetic:D009203", "STEMI", "Disease", "D009203", "MESH", "synthetic",
                "m", "An acute STEMI was treated.", 9, 10);
        StoredLabel s2 = new StoredLabel("s1", "synthetic:D009203", "STEMI", "Disease", "D009203", "MESH", "synthetic",
                "m", "STEMI on the ECG.", 0, 10);

        // When
        List<StoredLabel> unique = TrainingSet.dedupe(List.of(newer, older, s1, s2, s1));
        TrainingSet set = TrainingSet.of(List.of(), List.of(newer, older, s1, s2, s1));

        // Then
        assertThat(unique).containsExactly(newer, s1, s2);
        assertThat(set.duplicates()).isEqualTo(2);
        assertThat(set.documents().get(0).mentions().get(0).ids()).containsExactly("D009203");
    }

    @Test
    void aLabelBecomesADocumentOfItsNoteWithOneMentionAtItsOffset() {
        StoredLabel l = TrainingData.label("r1", "note-7", "STEMI", "D009203", "teacher", 1);

        PubTatorDocument doc = TrainingSet.document(l);

        assertThat(doc.id()).isEqualTo("note-7");
        GoldMention m = doc.mentions().get(0);
        assertThat(doc.text().substring(m.begin(), m.end())).isEqualTo("STEMI");
        assertThat(m.type()).isEqualTo(SemanticType.DISEASE);
        assertThat(m.ids()).containsExactly("D009203");
    }

    @Test
    void nilUnplaceableAndUntypedLabelsAreSkippedAndCounted() {
        StoredLabel nil = new StoredLabel("r1", "n", "STEMI", "Disease", null, null, "teacher", "m", "a STEMI", 2, 1);
        StoredLabel wrongOffset = new StoredLabel("r2", "n", "STEMI", "Disease", "D009203", "MESH", "teacher", "m",
                "an acute STEMI", 0, 1);
        StoredLabel missing = new StoredLabel("r3", "n", "STEMI", "Disease", "D009203", "MESH", "teacher", "m",
                "[REDACTED] today", 0, 1);
        StoredLabel untyped = new StoredLabel("r4", "n", "STEMI", "Gene", "D009203", "MESH", "teacher", "m", "STEMI", 0, 1);

        TrainingSet set = TrainingSet.of(List.of(), List.of(nil, wrongOffset, missing, untyped));

        assertThat(set.nilSkipped()).isEqualTo(1);
        assertThat(set.unplaceable()).isEqualTo(2);
        // a wrong offset is repaired by finding the mention in its context
        assertThat(set.documents()).hasSize(1);
        GoldMention m = set.documents().get(0).mentions().get(0);
        assertThat(m.begin()).isEqualTo(9);
    }
}
