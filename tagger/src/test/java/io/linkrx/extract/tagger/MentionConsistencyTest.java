package io.linkrx.extract.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.SemanticType;

class MentionConsistencyTest {
    private final DocumentEncoder encoder = new DocumentEncoder(TaggerDictionary.empty());

    @Test
    void givenATaggedLongForm_whenMadeConsistent_thenItsShortFormIsTaggedEverywhereWithItsType() {
        String text = "Pregnenolone sulfate (PREGS) was infused. PREGS-treated rats and PREGSs were compared.";
        TypedSpan longForm = span(text, "Pregnenolone sulfate", 0, SemanticType.CHEMICAL);

        List<TypedSpan> spans = MentionConsistency.apply(text, encoder.encode(text), List.of(longForm));

        assertThat(spans).containsExactly(longForm,
                span(text, "PREGS", 0, SemanticType.CHEMICAL),
                span(text, "PREGS", 1, SemanticType.CHEMICAL)); // not inside "PREGSs"
    }

    @Test
    void givenAStringTaggedOnce_whenMadeConsistent_thenItsOtherOccurrencesAreTaggedUnlessTheyOverlapOrAreAmbiguous() {
        String text = "Cisplatin nephrotoxicity. Cisplatin was stopped; cisplatin levels fell. Lead and Lead.";
        List<TypedSpan> tagged = List.of(
                span(text, "Cisplatin nephrotoxicity", 0, SemanticType.DISEASE),
                span(text, "Cisplatin", 1, SemanticType.CHEMICAL),
                span(text, "Lead", 0, SemanticType.CHEMICAL),
                span(text, "Lead", 1, SemanticType.DISEASE));

        List<TypedSpan> spans = MentionConsistency.apply(text, encoder.encode(text), tagged);

        // the first "Cisplatin" lies inside a disease mention, "cisplatin" differs in case, "Lead" is ambiguous
        assertThat(spans).containsExactlyElementsOf(tagged);
    }

    private static TypedSpan span(String text, String s, int occurrence, SemanticType type) {
        int p = text.indexOf(s);
        for (int i = 0; i < occurrence; i++) {
            p = text.indexOf(s, p + 1);
        }
        return new TypedSpan(p, p + s.length(), type);
    }
}
