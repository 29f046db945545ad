package io.linkrx.kb.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KbSpec;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBases;
import io.linkrx.kb.SemanticType;

/**
 * Loads the real vocabularies of /work/shared/data when present (skipped elsewhere) and prints load time and
 * counts for docs/BENCHMARKS.md. The files are only read in place.
 */
class KbRealDataTest {
    private static final Path DATA = Path.of(System.getProperty("linkrx.data", "/work/shared/data"));
    private static final Path MEDIC = DATA.resolve("medic/CTD_diseases.tsv.gz");
    private static final Path ALT_IDS = DATA.resolve("medic/medic_altids.tsv");
    private static final Path DICT = DATA.resolve("medic/medic_dictionary.txt");
    private static final Path MESH_TERMS = DATA.resolve("mesh/mesh2015_descriptor_terms.tsv");
    private static final Path DRUGBANK = DATA.resolve("drugbank_vocabulary/drugbank_vocabulary.csv");
    private static final Path DRKG_COMPOUNDS = DATA.resolve("drkg/amanpatel117_DRKG-Work/named_compounds.tsv");

    @Test
    void medicHasTheDiseasesAndResolvesAlternativeIds() {
        assumeTrue(Files.exists(MEDIC));
        KnowledgeBase kb = timed("medic", () -> KnowledgeBases.load(KbSpec.parse("medic:" + MEDIC)));

        assertThat(kb.size()).isGreaterThan(10_000);
        assertThat(kb.version()).startsWith("medic:2017-06-06@");
        Concept dm = kb.resolve("D003920").orElseThrow();
        assertThat(dm.preferredName().toLowerCase(Locale.ROOT)).contains("diabetes");
        assertThat(dm.type()).isEqualTo(SemanticType.DISEASE);
        assertThat(dm.treeNumbers()).contains("C18.452.394.750", "C19.246");
        assertThat(kb.resolve("MESH:D003920")).containsSame(dm);
        assertThat(kb.resolve("OMIM:264300").orElseThrow().id()).isEqualTo("C537805");
        assertThat(kb.resolve("DO:DOID:9351")).containsSame(dm);
        assertThat(kb.concept("OMIM:613370").orElseThrow().vocabulary()).isEqualTo("OMIM");
    }

    @Test
    void theMedicDictionaryWithAltIdsResolvesOmim() {
        assumeTrue(Files.exists(DICT) && Files.exists(ALT_IDS));
        KnowledgeBase kb = timed("dict+altids", () -> KnowledgeBases.load(
                KbSpec.parse("dict:" + DICT + "?type=disease&altids=" + ALT_IDS.getFileName())));

        assertThat(kb.size()).isGreaterThan(10_000);
        assertThat(kb.resolve("OMIM:264300").orElseThrow().id()).isEqualTo("C537805");
        assertThat(kb.concept("D003920").orElseThrow().preferredName()).isEqualTo("Diabetes Mellitus");
    }

    @Test
    void meshChemicalsContainMetformin() {
        assumeTrue(Files.exists(MESH_TERMS));
        KnowledgeBase kb = timed("mesh chemicals",
                () -> KnowledgeBases.load(KbSpec.parse("mesh:" + MESH_TERMS + "?types=chemical")));

        Concept metformin = kb.concept("D008687").orElseThrow();
        assertThat(metformin.preferredName()).isEqualTo("Metformin");
        assertThat(metformin.type()).isEqualTo(SemanticType.CHEMICAL);
        assertThat(metformin.treeNumbers()).contains("D02.078.370.141.450");
        assertThat(kb.concepts()).allMatch(c -> c.type() == SemanticType.CHEMICAL);
        timed("mesh all types", () -> KnowledgeBases.load(KbSpec.parse("mesh:" + MESH_TERMS)));
    }

    @Test
    void drugBankHasMetformin() {
        assumeTrue(Files.exists(DRUGBANK));
        KnowledgeBase kb = timed("drugbank", () -> KnowledgeBases.load(KbSpec.parse("drugbank:" + DRUGBANK)));

        assertThat(kb.size()).isEqualTo(19_853);
        Concept metformin = kb.concept("DB00331").orElseThrow();
        assertThat(metformin.preferredName()).isEqualTo("Metformin");
        assertThat(metformin.synonyms()).contains("1,1-Dimethylbiguanide", "Metformine");
        assertThat(metformin.xrefs()).contains("CAS:657-24-9", "UNII:9100L32L2N",
                "INCHIKEY:XZWYZXLIPXDOLR-UHFFFAOYSA-N");
        assertThat(kb.resolve("CAS:657-24-9")).containsSame(metformin);
    }

    @Test
    void drkgCompoundsGiveMeshSupplementaryRecords() {
        assumeTrue(Files.exists(DRKG_COMPOUNDS));
        KnowledgeBase kb = timed("names (drkg compounds, MESH)", () -> KnowledgeBases.load(
                KbSpec.parse("names:" + DRKG_COMPOUNDS + "?type=chemical&keep=MESH")));

        assertThat(kb.size()).isGreaterThan(7_000);
        assertThat(kb.concepts()).allMatch(c -> c.vocabulary().equals("MESH") && c.type() == SemanticType.CHEMICAL);
        assertThat(kb.concept("C013592").orElseThrow().preferredName()).isEqualTo("mangiferin");
        assertThat(kb.concept("C069541")).isEmpty();
    }

    @Test
    void medicDiseasesAndMeshChemicalsAndDrugBankCombine() {
        assumeTrue(Files.exists(MEDIC) && Files.exists(MESH_TERMS) && Files.exists(DRUGBANK));
        KnowledgeBase kb = timed("medic+mesh(chemical)+drugbank", () -> KnowledgeBases.load(KbSpec.parseList(
                "medic:" + MEDIC + "?altids=" + ALT_IDS + ",mesh:" + MESH_TERMS + "?types=chemical,drugbank:"
                        + DRUGBANK)));

        assertThat(kb.version()).matches("medic:2017-06-06@\\w{12};altids=medic_altids.tsv@\\w{12}"
                + "\\+mesh:mesh2015_descriptor_terms.tsv@\\w{12}\\+drugbank:drugbank_vocabulary.csv@\\w{12}");
        assertThat(kb.concept("D003920").orElseThrow().type()).isEqualTo(SemanticType.DISEASE);
        assertThat(kb.concept("D008687").orElseThrow().type()).isEqualTo(SemanticType.CHEMICAL);
        assertThat(kb.concept("DB00331").orElseThrow().type()).isEqualTo(SemanticType.DRUG);
    }

    private static KnowledgeBase timed(String what, Supplier<KnowledgeBase> load) {
        long start = System.nanoTime();
        KnowledgeBase kb = load.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long names = kb.concepts().stream().mapToLong(c -> c.names().size()).sum();
        long trees = kb.concepts().stream().mapToLong(c -> c.treeNumbers().size()).sum();
        long xrefs = kb.concepts().stream().mapToLong(c -> c.xrefs().size()).sum();
        System.out.printf(Locale.ROOT, "[kb-real-data] %-32s %6d ms  %7d concepts  %7d names  %6d xrefs  %6d trees  %s%n",
                what, millis, kb.size(), names, xrefs, trees, kb.version());
        return kb;
    }
}
