package io.linkrx.stage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.linkrx.route.PhiMinimizer;

class ContextWindowTest {
    static final String NOTE = "Mrs. Eleanor Vance (MRN 00482913) was seen on 03/14/2024 by Dr. Okafor. "
            + "Known MS, followed elsewhere; EDSS 3.5 per outside records. Call 617-555-0142 with questions.";

    @Test
    void givenANoteWithPhi_whenAWindowIsCut_thenPhiIsRedactedAndTheMentionOffsetPointsAtTheMention() {
        ContextWindow window = new ContextWindow(60, PhiMinimizer.parse("names,dates,ids,numbers"));
        int begin = NOTE.indexOf("MS,");

        ContextWindow.Excerpt excerpt = window.excerpt(NOTE, begin, begin + 2);

        assertThat(excerpt.text()).isEqualTo("(MRN [ID]) was seen on [DATE] by Dr. [NAME]. Known MS, followed elsewhere; "
                + "EDSS [NUM] per outside records. Call");
        assertThat(excerpt.text().substring(excerpt.mentionOffset(), excerpt.mentionOffset() + 2)).isEqualTo("MS");
        assertThat(excerpt.text()).doesNotContain("Okafor", "03/14", "00482913", "3.5");
    }

    @Test
    void givenPhiCutByTheWindowEdge_whenAWindowIsCut_thenItsVisiblePartIsStillRedacted() {
        // the window starts at "555 0142", the middle of a phone number written with spaces
        String note = "Contact daughter at (617) 555 0142. Hx of HTN.";
        int begin = note.indexOf("HTN");
        ContextWindow window = new ContextWindow(begin - note.indexOf("555"), PhiMinimizer.parse("ids"));

        ContextWindow.Excerpt excerpt = window.excerpt(note, begin, begin + 3);

        assertThat(excerpt.text()).isEqualTo("[ID]. Hx of HTN.");
        assertThat(excerpt.text().substring(excerpt.mentionOffset())).isEqualTo("HTN.");
    }

    @Test
    void givenAMentionThatLooksLikePhi_whenAWindowIsCut_thenTheMentionIsKeptVerbatim() {
        String note = "Referred by Dr. James Parkinson for evaluation.";
        int begin = note.indexOf("Parkinson");

        ContextWindow.Excerpt excerpt = new ContextWindow(40, PhiMinimizer.parse("names")).excerpt(note, begin, begin + 9);

        assertThat(excerpt.text()).isEqualTo("Referred by Dr. [NAME] Parkinson for evaluation.");
        assertThat(excerpt.text().substring(excerpt.mentionOffset(), excerpt.mentionOffset() + 9)).isEqualTo("Parkinson");
    }

    @Test
    void givenRedactionOff_whenAWindowIsCut_thenItIsTheTextAtWordBoundaries() {
        String note = "Patient denies chest pain. History of hypertension. Currently taking metformin.";
        int begin = note.indexOf("hypertension");

        ContextWindow.Excerpt excerpt = new ContextWindow(20).excerpt(note, begin, begin + 12);

        assertThat(excerpt.text()).isEqualTo("pain. History of hypertension. Currently taking");
        assertThat(excerpt.mentionOffset()).isEqualTo("pain. History of ".length());
        assertThat(new ContextWindow(20).around(note, begin, begin + 12)).isEqualTo(excerpt.text());
    }
}
