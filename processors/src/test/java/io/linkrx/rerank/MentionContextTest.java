package io.linkrx.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.assertion.Assertion;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;
import org.junit.jupiter.api.Test;

class MentionContextTest {
    static final String NOTE = "Harsh diastolic murmur at the apex; echo shows MS with a mitral valve area of 1.2 cm2.";
    static final Mention MS = new Mention(NOTE.indexOf("MS"), NOTE.indexOf("MS") + 2, "MS", SemanticType.DISEASE, Assertion.PRESENT, null);

    @Test
    void givenAWindow_whenCut_thenItIsTheMentionThenWholeWordsAroundIt() {
        assertThat(new MentionContext(20).of(NOTE, MS)).isEqualTo("MS | apex; echo shows MS with a mitral valve");
    }

    @Test
    void givenAWindowWiderThanTheNote_whenCut_thenTheWholeNoteIsTheContext() {
        assertThat(new MentionContext(1000).of(NOTE, MS)).isEqualTo("MS | " + NOTE);
    }

    @Test
    void givenNoWindowOrASpanThatIsNotInTheNote_whenCut_thenOnlyTheMentionIsSent() {
        assertThat(new MentionContext(0).of(NOTE, MS)).isEqualTo("MS");
        assertThat(new MentionContext(20).of("another text entirely, longer than the span", MS)).isEqualTo("MS");
        assertThat(new MentionContext(20).of("short", MS)).isEqualTo("MS");
        assertThat(new MentionContext(20).of(null, MS)).isEqualTo("MS");
    }
}
