package io.linkrx.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.SemanticType;
import io.linkrx.text.abbrev.AbbreviationDetector;
import io.linkrx.text.abbrev.AbbreviationMap;

class ShortFormAnchorsTest {
    private static final SemanticType DISEASE = SemanticType.DISEASE;
    private static final SemanticType CHEMICAL = SemanticType.CHEMICAL;

    /** A note and its mentions, each given by its text (its n-th occurrence) and type. */
    private static final class Note {
        final String text;
        final List<ShortFormAnchors.Span> spans = new ArrayList<>();

        Note(String text) {
            this.text = text;
        }

        Note mention(String surface, int occurrence, SemanticType type) {
            int at = -1;
            for (int i = 0; i <= occurrence; i++) {
                at = text.indexOf(surface, at + 1);
            }
            assertThat(at).as(surface).isGreaterThanOrEqualTo(0);
            spans.add(new ShortFormAnchors.Span(at, at + surface.length(), type));
            return this;
        }

        int[] anchors() {
            return ShortFormAnchors.of(text, AbbreviationMap.detect(new AbbreviationDetector(), text), spans);
        }
    }

    @Test
    void givenADefinedShortForm_whenAnchored_thenItStandsForTheSameTypedMentionEndingItsLongForm() {
        Note note = new Note("Reports on contrast media-induced nephropathy (CIN) are few; CIN was rare.")
                .mention("contrast media", 0, CHEMICAL)   // 0
                .mention("nephropathy", 0, DISEASE)       // 1
                .mention("CIN", 0, DISEASE)               // 2
                .mention("CIN", 1, DISEASE);              // 3

        assertThat(note.anchors()).containsExactly(-1, -1, 1, 1);
    }

    @Test
    void givenAShortFormInParenthesesAfterAMentionWhoseLettersItDoesNotMatch_whenAnchored_thenThatMentionIsItsAnchor() {
        Note note = new Note("Patients took valproate (VPA2) daily. VPA2 levels rose.")
                .mention("valproate", 0, CHEMICAL)
                .mention("VPA2", 0, CHEMICAL)
                .mention("VPA2", 1, CHEMICAL);

        assertThat(note.anchors()).containsExactly(-1, 0, 0);
    }

    @Test
    void givenAnUndefinedShortFormWhoseLettersSpellAMentionElsewhere_whenAnchored_thenThatMentionIsItsAnchor() {
        Note note = new Note("Urine markers in overactive bladder. Women with OAB had more NGF; OAB and bladder pain.")
                .mention("overactive bladder", 0, DISEASE)
                .mention("OAB", 0, DISEASE)
                .mention("bladder pain", 0, DISEASE)
                .mention("OAB", 1, DISEASE);

        assertThat(note.anchors()).containsExactly(-1, 0, -1, 0);
    }

    @Test
    void givenMentionsOfAnotherTypeOrNoShortForm_whenAnchored_thenNothingIsAnchored() {
        Note note = new Note("Overactive bladder drugs: OAB was treated; hypertension and HT.")
                .mention("Overactive bladder drugs", 0, CHEMICAL) // a chemical: not a disease's long form
                .mention("OAB", 0, DISEASE)
                .mention("hypertension", 0, DISEASE)              // a long form, but HT is written out nowhere
                .mention("HT", 0, CHEMICAL);

        assertThat(note.anchors()).containsExactly(-1, -1, -1, -1);
    }

    @Test
    void givenDrugAndChemicalMentions_whenAnchored_thenTheyCountAsOneType() {
        Note note = new Note("Mitomycin C (MMC) was given.")
                .mention("Mitomycin C", 0, SemanticType.DRUG)
                .mention("MMC", 0, CHEMICAL);

        assertThat(note.anchors()).containsExactly(-1, 0);
    }

    @Test
    void givenAnchors_whenFollowed_thenShortFormsTakeTheirAnchorsLinkUnlessTheyKeepTheirOwn() {
        List<String> links = List.of("overactive bladder -> D053201", "OAB -> D010003", "AZT -> D015215");
        int[] anchors = {-1, 0, 0};

        List<String> followed = ShortFormAnchors.follow(links, anchors, i -> links.get(i).startsWith("AZT"),
                (own, anchor) -> own.substring(0, own.indexOf(' ')) + anchor.substring(anchor.indexOf(" ->")));

        assertThat(followed).containsExactly("overactive bladder -> D053201", "OAB -> D053201", "AZT -> D015215");
        assertThat(ShortFormAnchors.follow(links, ShortFormAnchors.none(3), i -> false, (own, anchor) -> anchor))
                .isEqualTo(links);
        assertThatThrownBy(() -> ShortFormAnchors.follow(links, new int[2], i -> false, (own, anchor) -> anchor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 anchors for 3 links");
    }
}
