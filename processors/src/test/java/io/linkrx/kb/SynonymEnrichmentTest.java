package io.linkrx.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SynonymEnrichmentTest {
    @Test
    void borrowsTheNamesOfAnUnambiguouslySameNamedConceptOfACompatibleType() {
        KnowledgeBase mesh = KnowledgeBase.readTsv(new StringReader("""
                D001205\tMESH\tChemical\tAscorbic Acid
                D010830\tMESH\tChemical\tPhysostigmine
                D000001\tMESH\tDisease\tAmbiguous Thing
                D000002\tMESH\tChemical\tAmbiguous Thing
                """), "mesh");
        KnowledgeBase drugbank = KnowledgeBase.readTsv(new StringReader("""
                DB00126\tDRUGBANK\tDrug\tAscorbic acid\tVitamin C|L-ascorbic acid
                DB00981\tDRUGBANK\tDrug\tPhysostigmine\tEserine
                DB99999\tDRUGBANK\tDrug\tAmbiguous thing\tSomething else
                """), "drugbank");

        Map<String, Set<String>> borrowed = SynonymEnrichment.borrow(mesh, drugbank);

        assertThat(borrowed.get("D001205")).contains("Vitamin C", "L-ascorbic acid");
        assertThat(borrowed.get("D010830")).contains("Eserine");
        assertThat(borrowed).doesNotContainKeys("D000001", "D000002");
        KnowledgeBase enriched = mesh.withExtraNames(borrowed, "names-from:drugbank");
        assertThat(enriched.concept("D001205").orElseThrow().names()).contains("Vitamin C");
        assertThat(enriched.version()).endsWith("+names-from:drugbank");
    }

    @Test
    void givenALenderWhenEnrichedThenBorrowedNamesAndChemicalVariantsAreBothAdded() {
        KnowledgeBase mesh = KnowledgeBase.readTsv(new StringReader("""
                D001205\tMESH\tChemical\tAscorbic Acid
                D063325\tMESH\tChemical\tTiapride Hydrochloride
                """), "mesh");
        KnowledgeBase drugbank = KnowledgeBase.readTsv(new StringReader(
                "DB00126\tDRUGBANK\tDrug\tAscorbic acid\tVitamin C\n"), "drugbank");

        KnowledgeBase enriched = SynonymEnrichment.enrich(mesh, drugbank);

        assertThat(enriched.concept("D001205").orElseThrow().names()).contains("Vitamin C", "Ascorbate");
        assertThat(enriched.concept("D063325").orElseThrow().names()).contains("Tiapride");
        assertThat(enriched.version()).endsWith("+names-from:" + drugbank.version() + "+"
                + ChemicalNameVariants.VERSION);
        assertThat(SynonymEnrichment.enrich(mesh, null).version()).isEqualTo(mesh.version() + "+"
                + ChemicalNameVariants.VERSION);
    }
}
