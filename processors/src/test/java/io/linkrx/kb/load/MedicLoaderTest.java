package io.linkrx.kb.load;

import static io.linkrx.kb.load.TestFiles.gzip;
import static io.linkrx.kb.load.TestFiles.row;
import static io.linkrx.kb.load.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBaseException;
import io.linkrx.kb.SemanticType;

class MedicLoaderTest {
    /** The head of CTD_diseases.tsv as CTD writes it. */
    static final String HEADER = """
            # The Comparative Toxicogenomics Database (CTD) - http://ctdbase.org/
            #  \s
            # Use is subject to the terms set forth at http://ctdbase.org/about/legal.jsp
            #
            # Report created: Tue Jun 06 11:31:46 EDT 2017
            #
            # Fields:
            # DiseaseName\tDiseaseID\tAltDiseaseIDs\tDefinition\tParentIDs\tTreeNumbers\tParentTreeNumbers\tSynonyms\tSlimMappings
            #
            """;
    static final String ROWS = row("10p Deletion Syndrome (Partial)", "MESH:C538288", "", "",
            "MESH:D002872|MESH:D025063", "C16.131.260/C538288|C16.320.180/C538288", "C16.131.260|C16.320.180",
            "Chromosome 10, 10p- Partial|Monosomy 10p", "Congenital abnormality|Genetic disease (inborn)")
            + row("17-Hydroxysteroid Dehydrogenase Deficiency", "MESH:C537805", "OMIM:264300", "", "MESH:D006177",
            "C12.706.316.096/C537805", "C12.706.316.096", "", "Endocrine system disease")
            + row("Diabetes Mellitus", "MESH:D003920", "DO:DOID:9351",
            "A heterogeneous group of disorders characterized by HYPERGLYCEMIA and GLUCOSE INTOLERANCE.",
            "MESH:D004700|MESH:D044882", "C18.452.394.750|C19.246", "C18.452.394|C19", "",
            "Endocrine system disease|Metabolic disease")
            + row("MATURITY-ONSET DIABETES OF THE YOUNG, TYPE 10", "OMIM:613370", "DO:DOID:0111108", "",
            "MESH:D003920", "C18.452.394.750/613370|C19.246/613370", "C18.452.394.750|C19.246",
            "MODY10|maturity-onset diabetes of the young, type 10", "Endocrine system disease|Metabolic disease");

    @TempDir
    Path dir;

    private final MedicLoader loader = new MedicLoader();

    @Test
    void givenAGzipMedicFile_whenLoaded_thenIdsNamesAltIdsAndTreesAreRead() {
        Path file = gzip(dir.resolve("CTD_diseases.tsv.gz"), HEADER + ROWS);

        KnowledgeBase kb = KnowledgeBase.load("medic:" + file);

        assertThat(kb.concepts()).extracting(Concept::id)
                .containsExactly("C538288", "C537805", "D003920", "OMIM:613370");
        assertThat(kb.version()).matches("medic:2017-06-06@[0-9a-f]{12}");
        Concept partial = kb.concept("C538288").orElseThrow();
        assertThat(partial.vocabulary()).isEqualTo("MESH");
        assertThat(partial.type()).isEqualTo(SemanticType.DISEASE);
        assertThat(partial.preferredName()).isEqualTo("10p Deletion Syndrome (Partial)");
        assertThat(partial.synonyms()).containsExactly("Chromosome 10, 10p- Partial", "Monosomy 10p");
        assertThat(partial.treeNumbers()).containsExactly("C16.131.260/C538288", "C16.320.180/C538288");
        Concept mody = kb.concept("OMIM:613370").orElseThrow();
        assertThat(mody.vocabulary()).isEqualTo("OMIM");
        assertThat(mody.synonyms()).as("case variants of the name are dropped").containsExactly("MODY10");
        assertThat(kb.resolve("OMIM:264300").orElseThrow().id()).isEqualTo("C537805");
        assertThat(kb.resolve("MESH:D003920").orElseThrow().xrefs()).containsExactly("DO:DOID:9351");
    }

    @Test
    void givenAnAltIdFile_whenLoadedWithTheOption_thenItsIdsResolve() {
        Path file = write(dir.resolve("CTD_diseases.tsv"), HEADER + ROWS);
        write(dir.resolve("alt.tsv"), "primary_id\talt_id\nC538288\tDO:DOID:0060395\nMESH:D003920\tOMIM:125853\n"
                + "D999999\tOMIM:1\n");

        KnowledgeBase kb = KnowledgeBase.load("medic:" + file + "?altids=alt.tsv");

        assertThat(kb.resolve("DO:DOID:0060395").orElseThrow().id()).isEqualTo("C538288");
        assertThat(kb.concept("D003920").orElseThrow().xrefs()).containsExactly("DO:DOID:9351", "OMIM:125853");
        assertThat(kb.version()).matches("medic:2017-06-06@[0-9a-f]{12};altids=alt.tsv@[0-9a-f]{12}");
    }

    @Test
    void givenNoReportDate_whenLoaded_thenTheVersionNamesTheFile() {
        Path file = write(dir.resolve("diseases.tsv"), ROWS);

        assertThat(loader.load(file.toString(), io.linkrx.kb.LoadOptions.NONE).version())
                .matches("medic:diseases.tsv@[0-9a-f]{12}");
    }

    @Test
    void givenAWrongColumnCount_whenLoaded_thenTheErrorNamesFileAndLine() {
        Path file = write(dir.resolve("bad.tsv"), HEADER + ROWS + "Fever MESH:D005334\n");

        assertThatThrownBy(() -> KnowledgeBase.load("medic:" + file))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageStartingWith(file + ":14: ")
                .hasMessageContaining("expected 9 tab-separated columns (DiseaseName, DiseaseID,")
                .hasMessageContaining("found 1");
        Path wide = write(dir.resolve("wide.tsv"), ROWS + row("a", "MESH:D1", "", "", "", "", "", "", "", "extra"));
        assertThatThrownBy(() -> KnowledgeBase.load("medic:" + wide))
                .hasMessageStartingWith(wide + ":5: ")
                .hasMessageContaining("found 10");
    }

    @Test
    void givenADuplicateId_whenLoaded_thenTheErrorNamesBothLines() {
        Path file = write(dir.resolve("dup.tsv"), ROWS + row("Again", "MESH:D003920"));

        assertThatThrownBy(() -> KnowledgeBase.load("medic:" + file))
                .hasMessage(file + ":5: duplicate DiseaseID MESH:D003920 (first at line 3)");
    }

    @Test
    void givenTheReportDateLine_whenParsed_thenItIsAnIsoDate() {
        assertThat(MedicLoader.reportDate("# Report created: Thu Mar 02 09:05:01 EST 2023")).isEqualTo("2023-03-02");
        assertThat(MedicLoader.reportDate("# Fields:")).isNull();
    }
}
