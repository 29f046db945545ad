package io.linkrx.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

class ChemicalNameVariantsTest {
    private static final KnowledgeBase MESH = KnowledgeBase.readTsv(new StringReader("""
            D063325\tMESH\tChemical\tTiapride Hydrochloride
            D014635\tMESH\tChemical\tValproic Acid
            D011188\tMESH\tChemical\tPotassium
            D011189\tMESH\tChemical\tPotassium Chloride
            D012459\tMESH\tChemical\tSalicylates
            D020156\tMESH\tChemical\tSalicylic Acid
            D000001\tMESH\tChemical\tFoo Maleate
            D000002\tMESH\tChemical\tFoo Citrate
            D007674\tMESH\tDisease\tKidney Diseases Hydrate
            D000003\tMESH\tChemical\tHeparin, Sodium
            """), "mesh");

    @Test
    void givenSaltAndAcidNamesWhenEnrichedThenTheBaseAndAnionNamesLinkThere() {
        KnowledgeBase kb = ChemicalNameVariants.addTo(MESH);

        assertThat(kb.concept("D063325").orElseThrow().names()).contains("Tiapride");
        assertThat(kb.concept("D014635").orElseThrow().names()).contains("Valproate");
        assertThat(kb.version()).isEqualTo(MESH.version() + "+" + ChemicalNameVariants.VERSION);
    }

    @Test
    void givenAVariantAnotherConceptOwnsOrSharesWhenEnrichedThenItIsNotAdded() {
        KnowledgeBase kb = ChemicalNameVariants.addTo(MESH);

        assertThat(kb.concept("D011189").orElseThrow().names()).as("'potassium' is a concept of its own")
                .containsExactly("Potassium Chloride");
        assertThat(kb.concept("D020156").orElseThrow().names()).as("'salicylate' = 'Salicylates', plural folded")
                .containsExactly("Salicylic Acid");
        assertThat(kb.concept("D000001").orElseThrow().names()).as("two salts of one base: ambiguous")
                .containsExactly("Foo Maleate");
        assertThat(kb.concept("D007674").orElseThrow().names()).as("diseases keep their names")
                .containsExactly("Kidney Diseases Hydrate");
        assertThat(kb.concept("D000003").orElseThrow().names()).as("inverted names have none")
                .containsExactly("Heparin, Sodium");
    }

    @Test
    void givenNoChemicalWithAVariantWhenEnrichedThenTheKnowledgeBaseIsUnchanged() {
        KnowledgeBase medic = KnowledgeBase.readTsv(new StringReader("D003920\tMESH\tDisease\tDiabetes Mellitus\n"),
                "medic");

        assertThat(ChemicalNameVariants.addTo(medic)).isSameAs(medic);
    }

    @Test
    void variantsOfSingleNames() {
        assertThat(ChemicalNameVariants.variant("Vecuronium Bromide")).contains("Vecuronium");
        assertThat(ChemicalNameVariants.variant("Gamma-Aminobutyric Acid")).contains("Gamma-Aminobutyrate");
        assertThat(ChemicalNameVariants.variant("Uric Acid")).contains("Urate");
        assertThat(ChemicalNameVariants.variant("Acid")).isEmpty();
        assertThat(ChemicalNameVariants.variant("Nucleic Acids")).isEmpty();
        assertThat(ChemicalNameVariants.variant("Metformin")).isEmpty();
        assertThat(ChemicalNameVariants.variant("Ferrous Gluconate")).as("an element's salt").isEmpty();
        assertThat(ChemicalNameVariants.variant("iron citrate")).isEmpty();
        assertThat(ChemicalNameVariants.variant("Cyanogen Bromide")).as("a halide of no '-ium' cation").isEmpty();
        assertThat(ChemicalNameVariants.variant("Ethyl Chloride")).isEmpty();
        assertThat(ChemicalNameVariants.variant("2-Nicotinamidoethyl Nitrate")).as("an ester").isEmpty();
        assertThat(ChemicalNameVariants.variant("Desoxycorticosterone Acetate")).as("esters name compounds").isEmpty();
    }
}
