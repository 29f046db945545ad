package io.linkrx.kb.load;

import static io.linkrx.kb.load.TestFiles.gzip;
import static io.linkrx.kb.load.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBaseException;
import io.linkrx.kb.SemanticType;

class MeshLoaderTest {
    static final String TERMS = "mesh_id\tmesh_name\nD000001\tCalcimycin\nD003920\tDiabetes Mellitus\n"
            + "D001829\tBody Regions\nD008687\tMetformin\n";
    static final String TREES = "mesh_id\tmesh_name\tmesh_tree_number\nD000001\tCalcimycin\tD03.438.221.173\n"
            + "D003920\tDiabetes Mellitus\tC18.452.394.750\nD003920\tDiabetes Mellitus\tC19.246\n"
            + "D001829\tBody Regions\tA01\nD008687\tMetformin\tD02.078.370.141.450\n";

    /** Three descriptors as in desc2015.xml: a chemical, a disease, and an anatomy term without either tree. */
    static final String DESC_XML = """
            <?xml version="1.0"?>
            <!DOCTYPE DescriptorRecordSet SYSTEM "https://www.nlm.nih.gov/databases/dtd/nlmdescriptorrecordset_20150101.dtd">
            <DescriptorRecordSet LanguageCode = "eng">
            <DescriptorRecord DescriptorClass = "1">
              <DescriptorUI>D008687</DescriptorUI>
              <DescriptorName><String>Metformin</String></DescriptorName>
              <PharmacologicalActionList>
                <PharmacologicalAction>
                  <DescriptorReferredTo>
                    <DescriptorUI>D007004</DescriptorUI>
                    <DescriptorName><String>Hypoglycemic Agents</String></DescriptorName>
                  </DescriptorReferredTo>
                </PharmacologicalAction>
              </PharmacologicalActionList>
              <TreeNumberList><TreeNumber>D02.078.370.141.450</TreeNumber></TreeNumberList>
              <ConceptList>
                <Concept PreferredConceptYN="Y">
                  <ConceptUI>M0013524</ConceptUI>
                  <ConceptName><String>Metformin</String></ConceptName>
                  <TermList>
                    <Term ConceptPreferredTermYN="Y" IsPermutedTermYN="N" LexicalTag="NON" RecordPreferredTermYN="Y">
                      <TermUI>T025567</TermUI><String>Metformin</String>
                    </Term>
                    <Term ConceptPreferredTermYN="N" IsPermutedTermYN="N" LexicalTag="NON" RecordPreferredTermYN="N">
                      <TermUI>T025568</TermUI><String>Dimethylbiguanidine</String>
                    </Term>
                  </TermList>
                </Concept>
                <Concept PreferredConceptYN="N">
                  <ConceptUI>M0352717</ConceptUI>
                  <ConceptName><String>Glucophage</String></ConceptName>
                  <TermList>
                    <Term ConceptPreferredTermYN="Y" IsPermutedTermYN="N" LexicalTag="TRD" RecordPreferredTermYN="N">
                      <TermUI>T000001</TermUI><String>Glucophage</String>
                    </Term>
                  </TermList>
                </Concept>
              </ConceptList>
            </DescriptorRecord>
            <DescriptorRecord DescriptorClass = "1">
              <DescriptorUI>D000163</DescriptorUI>
              <DescriptorName><String>Acquired Immunodeficiency Syndrome</String></DescriptorName>
              <TreeNumberList>
                <TreeNumber>C02.782.815.616.400.040</TreeNumber>
                <TreeNumber>C20.673.480.040</TreeNumber>
              </TreeNumberList>
              <ConceptList>
                <Concept PreferredConceptYN="Y">
                  <ConceptUI>M0000216</ConceptUI>
                  <ConceptName><String>Acquired Immunodeficiency Syndrome</String></ConceptName>
                  <TermList>
                    <Term ConceptPreferredTermYN="Y" IsPermutedTermYN="N" LexicalTag="NON" RecordPreferredTermYN="Y">
                      <TermUI>T000525</TermUI><String>Acquired Immunodeficiency Syndrome</String>
                    </Term>
                    <Term ConceptPreferredTermYN="N" IsPermutedTermYN="N" LexicalTag="ABB" RecordPreferredTermYN="N">
                      <TermUI>T000526</TermUI><String>AIDS</String>
                    </Term>
                    <Term ConceptPreferredTermYN="N" IsPermutedTermYN="N" LexicalTag="NON" RecordPreferredTermYN="N">
                      <TermUI>T000527</TermUI><String>Immunologic Deficiency Syndrome, Acquired</String>
                    </Term>
                  </TermList>
                </Concept>
              </ConceptList>
            </DescriptorRecord>
            <DescriptorRecord DescriptorClass = "1">
              <DescriptorUI>D001829</DescriptorUI>
              <DescriptorName><String>Body Regions</String></DescriptorName>
              <TreeNumberList><TreeNumber>A01</TreeNumber></TreeNumberList>
            </DescriptorRecord>
            </DescriptorRecordSet>
            """;

    static final String ASCII = """
            *NEWRECORD
            RECTYPE = D
            MH = Calcimycin
            AQ = AA AD AE AG AI AN BI BL CF CH CL CS CT DU EC HI IM IP ME PD PK PO RE SD ST TO TU UR
            ENTRY = A-23187|T109|T195|LAB|NRW|NLM (1991)|900308|abbcdef
            ENTRY = A23187|T109|T195|LAB|NRW|UNK (19XX)|741111|abbcdef
            PRINT ENTRY = Antibiotic A23187|T109|T195|NON|NRW|NLM (1991)|900308|abbcdef
            MN = D03.438.221.173
            UI = D000001

            *NEWRECORD
            RECTYPE = D
            MH = Temefos
            ENTRY = Abate
            MN = D02.705.400.625.800
            MN = D02.705.539.345.800
            UI = D000002

            *NEWRECORD
            RECTYPE = D
            MH = Abdomen
            MN = A01.923.047
            UI = D000005

            *NEWRECORD
            RECTYPE = D
            MH = Diabetes Mellitus
            PRINT ENTRY = Diabetes|T047|NON|EQV|NLM (1996)|950627|abbcdef
            MN = C18.452.394.750
            MN = C19.246
            UI = D003920
            """;

    static final String SUPP_XML = """
            <?xml version="1.0"?>
            <!DOCTYPE SupplementalRecordSet SYSTEM "https://www.nlm.nih.gov/databases/dtd/nlmsupplementalrecordset_20150101.dtd">
            <SupplementalRecordSet LanguageCode = "eng">
            <SupplementalRecord SCRClass = "1">
              <SupplementalRecordUI>C000002</SupplementalRecordUI>
              <SupplementalRecordName><String>bevonium</String></SupplementalRecordName>
              <HeadingMappedToList><HeadingMappedTo><DescriptorReferredTo>
                <DescriptorUI>*D001561</DescriptorUI><DescriptorName><String>Benzilates</String></DescriptorName>
              </DescriptorReferredTo></HeadingMappedTo></HeadingMappedToList>
              <ConceptList><Concept PreferredConceptYN="Y"><ConceptUI>M0000002</ConceptUI>
                <ConceptName><String>bevonium</String></ConceptName>
                <TermList><Term ConceptPreferredTermYN="Y" IsPermutedTermYN="N" LexicalTag="NON" RecordPreferredTermYN="Y">
                  <TermUI>T000002</TermUI><String>bevonium</String></Term>
                  <Term ConceptPreferredTermYN="N" IsPermutedTermYN="N" LexicalTag="NON" RecordPreferredTermYN="N">
                  <TermUI>T000003</TermUI><String>CG 201</String></Term>
                </TermList></Concept></ConceptList>
            </SupplementalRecord>
            <SupplementalRecord SCRClass = "3">
              <SupplementalRecordUI>C538288</SupplementalRecordUI>
              <SupplementalRecordName><String>10p Deletion Syndrome (Partial)</String></SupplementalRecordName>
              <HeadingMappedToList><HeadingMappedTo><DescriptorReferredTo>
                <DescriptorUI>*D003920</DescriptorUI><DescriptorName><String>Diabetes Mellitus</String></DescriptorName>
              </DescriptorReferredTo></HeadingMappedTo></HeadingMappedToList>
            </SupplementalRecord>
            <SupplementalRecord SCRClass = "2">
              <SupplementalRecordUI>C100000</SupplementalRecordUI>
              <SupplementalRecordName><String>ABVD protocol</String></SupplementalRecordName>
            </SupplementalRecord>
            </SupplementalRecordSet>
            """;

    @TempDir
    Path dir;

    @Nested
    class TsvPair {
        @Test
        void givenTheTermsFile_whenLoaded_thenTheTreesSiblingTypesTheDescriptors() {
            Path terms = write(dir.resolve("mesh2015_descriptor_terms.tsv"), TERMS);
            write(dir.resolve("mesh2015_tree_numbers.tsv"), TREES);

            KnowledgeBase kb = KnowledgeBase.load("mesh:" + terms);

            assertThat(kb.concepts()).extracting(Concept::id).containsExactly("D000001", "D003920", "D008687");
            Concept dm = kb.concept("D003920").orElseThrow();
            assertThat(dm.type()).isEqualTo(SemanticType.DISEASE);
            assertThat(dm.vocabulary()).isEqualTo("MESH");
            assertThat(dm.treeNumbers()).containsExactly("C18.452.394.750", "C19.246");
            assertThat(kb.concept("D008687").orElseThrow().type()).isEqualTo(SemanticType.CHEMICAL);
            assertThat(kb.version()).matches("mesh:mesh2015_descriptor_terms.tsv@[0-9a-f]{12}");
        }

        @Test
        void givenTheTreesFileAndAChemicalRestriction_whenLoaded_thenOnlyChemicalsRemain() {
            write(dir.resolve("mesh2015_descriptor_terms.tsv"), TERMS);
            Path trees = write(dir.resolve("mesh2015_tree_numbers.tsv"), TREES);

            KnowledgeBase kb = KnowledgeBase.load("mesh:" + trees + "?types=chemical");

            assertThat(kb.concepts()).extracting(Concept::id).containsExactly("D000001", "D008687");
        }

        @Test
        void givenNoTreesSibling_whenLoaded_thenTheErrorSaysWhatIsMissing() {
            Path terms = write(dir.resolve("alone/mesh2015_descriptor_terms.tsv"), TERMS);

            assertThatThrownBy(() -> KnowledgeBase.load("mesh:" + terms))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageContaining("tree numbers file");
        }

        @Test
        void givenAWrongColumnCount_whenLoaded_thenTheErrorNamesTheSiblingAndLine() {
            Path terms = write(dir.resolve("mesh2015_descriptor_terms.tsv"), TERMS);
            Path trees = write(dir.resolve("mesh2015_tree_numbers.tsv"), TREES + "D000002\tTemefos\n");

            assertThatThrownBy(() -> KnowledgeBase.load("mesh:" + terms))
                    .hasMessageStartingWith(trees + ":7: expected 3 tab-separated columns");
        }

        @Test
        void givenAnUnknownHeader_whenLoaded_thenTheErrorShowsTheExpectedOnes() {
            Path file = write(dir.resolve("x.tsv"), "id\tname\nD1\tA\n");

            assertThatThrownBy(() -> KnowledgeBase.load("mesh:" + file))
                    .hasMessageStartingWith(file + ":1: expected header mesh_id<TAB>mesh_name");
        }
    }

    @Nested
    class Xml {
        @Test
        void givenThreeDescriptors_whenLoaded_thenTheTreeTypesSelectTwo() {
            Path file = write(dir.resolve("desc2015.xml"), DESC_XML);

            KnowledgeBase kb = KnowledgeBase.load("mesh:" + file);

            assertThat(kb.concepts()).extracting(Concept::id).containsExactly("D008687", "D000163");
            Concept metformin = kb.concept("D008687").orElseThrow();
            assertThat(metformin.type()).isEqualTo(SemanticType.CHEMICAL);
            assertThat(metformin.preferredName()).isEqualTo("Metformin");
            assertThat(metformin.synonyms()).containsExactly("Dimethylbiguanidine", "Glucophage")
                    .doesNotContain("Hypoglycemic Agents");
            assertThat(metformin.treeNumbers()).containsExactly("D02.078.370.141.450");
            Concept aids = kb.concept("D000163").orElseThrow();
            assertThat(aids.type()).isEqualTo(SemanticType.DISEASE);
            assertThat(aids.abbreviations()).containsExactly("AIDS");
            assertThat(aids.synonyms()).containsExactly("Immunologic Deficiency Syndrome, Acquired");
        }

        @Test
        void givenGzippedXmlAndADiseaseRestriction_whenLoaded_thenOnlyTheDiseaseRemains() {
            Path file = gzip(dir.resolve("desc2015.xml.gz"), DESC_XML);

            KnowledgeBase kb = KnowledgeBase.load("mesh:" + file + "?types=disease");

            assertThat(kb.concepts()).extracting(Concept::id).containsExactly("D000163");
            assertThat(kb.version()).matches("mesh:desc2015.xml.gz@[0-9a-f]{12}");
        }

        @Test
        void givenSupplementaryRecords_whenLoaded_thenScrClassGivesTheType() {
            Path supp = write(dir.resolve("supp2015.xml"), SUPP_XML);
            write(dir.resolve("d2015.bin"), ASCII);

            KnowledgeBase kb = KnowledgeBase.load("mesh:" + supp + "?descriptors=d2015.bin");

            assertThat(kb.concepts()).extracting(Concept::id).containsExactly("C000002", "C538288");
            Concept bevonium = kb.concept("C000002").orElseThrow();
            assertThat(bevonium.type()).isEqualTo(SemanticType.CHEMICAL);
            assertThat(bevonium.synonyms()).containsExactly("CG 201");
            assertThat(bevonium.treeNumbers()).as("Benzilates is not in the descriptor file").isEmpty();
            Concept deletion = kb.concept("C538288").orElseThrow();
            assertThat(deletion.type()).isEqualTo(SemanticType.DISEASE);
            assertThat(deletion.treeNumbers()).containsExactly("C18.452.394.750/C538288", "C19.246/C538288");
        }

        @Test
        void givenSupplementaryRecordsWithoutScrClass_whenLoaded_thenMappedTreesOrChemicalGiveTheType() {
            Path supp = write(dir.resolve("supp.xml"), SUPP_XML.replaceAll(" SCRClass = \"\\d\"", ""));

            assertThat(KnowledgeBase.load("mesh:" + supp).concepts()).extracting(Concept::type)
                    .containsOnly(SemanticType.CHEMICAL).hasSize(3);
            write(dir.resolve("d2015.bin"), ASCII);
            assertThat(KnowledgeBase.load("mesh:" + supp + "?descriptors=d2015.bin").concepts())
                    .extracting(Concept::id, Concept::type)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("C538288", SemanticType.DISEASE));
        }

        @Test
        void givenMalformedXml_whenLoaded_thenTheErrorNamesFileAndLine() {
            Path file = write(dir.resolve("bad.xml"), DESC_XML.replace("</DescriptorUI>\n  <DescriptorName>",
                    "</DescriptorUX>\n  <DescriptorName>"));

            assertThatThrownBy(() -> KnowledgeBase.load("mesh:" + file))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageStartingWith(file + ":")
                    .hasMessageContaining("malformed MeSH XML");
        }
    }

    @Nested
    class Ascii {
        @Test
        void givenAsciiRecords_whenLoaded_thenEntriesAreNamesAndTreesTypes() {
            Path file = write(dir.resolve("d2015.bin"), ASCII);

            KnowledgeBase kb = KnowledgeBase.load("mesh:" + file);

            assertThat(kb.concepts()).extracting(Concept::id).containsExactly("D000001", "D000002", "D003920");
            Concept calcimycin = kb.concept("D000001").orElseThrow();
            assertThat(calcimycin.preferredName()).isEqualTo("Calcimycin");
            assertThat(calcimycin.synonyms()).containsExactly("A-23187", "A23187", "Antibiotic A23187");
            assertThat(calcimycin.type()).isEqualTo(SemanticType.CHEMICAL);
            assertThat(kb.concept("D000002").orElseThrow().treeNumbers())
                    .containsExactly("D02.705.400.625.800", "D02.705.539.345.800");
            assertThat(kb.concept("D003920").orElseThrow().synonyms()).containsExactly("Diabetes");
            assertThat(kb.concept("D003920").orElseThrow().type()).isEqualTo(SemanticType.DISEASE);
        }

        @Test
        void givenARecordWithoutUi_whenLoaded_thenTheErrorNamesItsLine() {
            Path file = write(dir.resolve("d.bin"), ASCII + "\n*NEWRECORD\nMH = Orphan\nMN = C01\n");

            assertThatThrownBy(() -> KnowledgeBase.load("mesh:" + file))
                    .hasMessage(file + ":33: record without UI");
        }
    }
}
