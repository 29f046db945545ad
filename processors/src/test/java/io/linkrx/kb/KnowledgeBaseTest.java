package io.linkrx.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {
    static final String FIXTURE = "classpath:kb-fixture.tsv";
    private static final String HEADER = "concept_id\tvocabulary\tsemantic_type\tpreferred_name\tsynonyms\tabbreviations\txrefs\n";

    @TempDir
    Path dir;

    @Nested
    class Loading {
        @Test
        void givenTheFixtureOnTheClasspath_whenLoaded_thenEveryConceptIsReadInFileOrder() {
            KnowledgeBase kb = KnowledgeBase.load(FIXTURE);

            assertThat(kb.size()).isEqualTo(48);
            assertThat(kb.concepts()).first().extracting(Concept::id).isEqualTo("D006973");
            assertThat(kb.concepts()).last().extracting(Concept::id).isEqualTo("DB00512");
            assertThat(kb.version()).isEqualTo("fixture-1");
        }

        @Test
        void givenAConceptLine_whenLoaded_thenAllColumnsAreParsed() {
            KnowledgeBase kb = KnowledgeBase.load(FIXTURE);

            Concept htn = kb.concept("D006973").orElseThrow();
            assertThat(htn.vocabulary()).isEqualTo("MESH");
            assertThat(htn.type()).isEqualTo(SemanticType.DISEASE);
            assertThat(htn.preferredName()).isEqualTo("Hypertension");
            assertThat(htn.synonyms()).containsExactly("high blood pressure", "hypertensive disease");
            assertThat(htn.abbreviations()).containsExactly("HTN", "HBP");
            assertThat(htn.xrefs()).isEmpty();
            assertThat(htn.names()).containsExactly("Hypertension", "high blood pressure", "hypertensive disease");

            Concept metformin = kb.concept("DB00331").orElseThrow();
            assertThat(metformin.type()).isEqualTo(SemanticType.DRUG);
            assertThat(metformin.abbreviations()).isEmpty();
            assertThat(metformin.xrefs()).containsExactly("MESH:D008687");
            assertThat(kb.concept("D000000")).isEmpty();
        }

        @Test
        void givenAFilePath_whenLoaded_thenItReadsTheFile() throws IOException {
            Path file = write("kb.tsv", "# version: v7\n" + HEADER + "D005334\tMESH\tDisease\tFever\tpyrexia\t\t\n");

            KnowledgeBase kb = KnowledgeBase.load(file.toString());

            assertThat(kb.size()).isEqualTo(1);
            assertThat(kb.version()).isEqualTo("v7");
            assertThat(kb.concept("D005334").orElseThrow().synonyms()).containsExactly("pyrexia");
        }

        @Test
        void givenAGzipFile_whenLoaded_thenItHasTheSameConceptsAsThePlainFile() throws IOException {
            String content = "# version: gz-1\n" + HEADER + "D005334\tMESH\tDisease\tFever\tpyrexia|febrile\t\t\n"
                    + "DB00331\tDRUGBANK\tDrug\tMetformin\tGlucophage\t\tMESH:D008687\n";
            Path gz = dir.resolve("kb.tsv.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }

            KnowledgeBase kb = KnowledgeBase.load(gz.toString());

            assertThat(kb.version()).isEqualTo("gz-1");
            assertThat(kb.concepts()).extracting(Concept::id).containsExactly("D005334", "DB00331");
            assertThat(kb.concept("D005334").orElseThrow().synonyms()).containsExactly("pyrexia", "febrile");
        }

        @Test
        void givenWindowsLineEndingsAndABom_whenRead_thenFieldsAreClean() {
            KnowledgeBase kb = KnowledgeBase.readTsv(new StringReader(
                    "\uFEFF# version: crlf\r\n" + HEADER.replace("\n", "\r\n") + "D003371\tMESH\tDisease\tCough\t\t\t\r\n"),
                    "crlf.tsv");

            assertThat(kb.version()).isEqualTo("crlf");
            assertThat(kb.concept("D003371").orElseThrow().preferredName()).isEqualTo("Cough");
        }

        @Test
        void givenMissingTrailingColumnsAndNoHeaderLine_whenRead_thenTheyAreEmptyLists() {
            KnowledgeBase kb = KnowledgeBase.readTsv(new StringReader("D003371\tMESH\tdisease\tCough\n"), "short.tsv");

            Concept cough = kb.concept("D003371").orElseThrow();
            assertThat(cough.type()).isEqualTo(SemanticType.DISEASE);
            assertThat(cough.synonyms()).isEmpty();
            assertThat(cough.abbreviations()).isEmpty();
        }

        @Test
        void givenNoVersionHeader_whenRead_thenTheVersionIsAStableContentHash() {
            String a = HEADER + "D003371\tMESH\tDisease\tCough\t\t\t\n";
            String b = HEADER + "D003371\tMESH\tDisease\tCough\ttussis\t\t\n";

            String versionA = KnowledgeBase.readTsv(new StringReader(a), "a").version();

            assertThat(versionA).matches("sha256:[0-9a-f]{12}");
            assertThat(KnowledgeBase.readTsv(new StringReader(a), "again").version()).isEqualTo(versionA);
            assertThat(KnowledgeBase.readTsv(new StringReader(b), "b").version()).isNotEqualTo(versionA);
        }
    }

    @Nested
    class Errors {
        @Test
        void givenAnUnknownSemanticType_whenRead_thenTheErrorNamesSourceLineAndAcceptedValues() {
            String tsv = "# version: x\n" + HEADER + "D1\tMESH\tDisease\tA\t\t\t\nD2\tMESH\tProcedure\tB\t\t\t\n";

            assertThatThrownBy(() -> KnowledgeBase.readTsv(new StringReader(tsv), "bad-type.tsv"))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageStartingWith("bad-type.tsv:4: ")
                    .hasMessageContaining("Procedure")
                    .hasMessageContaining("Disease, Chemical, Drug");
        }

        @Test
        void givenTooFewColumns_whenRead_thenTheErrorNamesTheLine() {
            String tsv = HEADER + "D1\tMESH\tDisease\tA\t\t\t\nD2 MESH Disease B\n";

            assertThatThrownBy(() -> KnowledgeBase.readTsv(new StringReader(tsv), "cols.tsv"))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageStartingWith("cols.tsv:3: ")
                    .hasMessageContaining("found 1");
        }

        @Test
        void givenTooManyColumns_whenRead_thenTheErrorNamesTheLine() {
            String tsv = "D1\tMESH\tDisease\tA\t\t\t\textra\n";

            assertThatThrownBy(() -> KnowledgeBase.readTsv(new StringReader(tsv), "wide.tsv"))
                    .hasMessageStartingWith("wide.tsv:1: ")
                    .hasMessageContaining("found 8");
        }

        @Test
        void givenADuplicateId_whenRead_thenTheErrorNamesBothLines() {
            String tsv = HEADER + "D1\tMESH\tDisease\tA\t\t\t\n# comment\nD1\tMESH\tDisease\tB\t\t\t\n";

            assertThatThrownBy(() -> KnowledgeBase.readTsv(new StringReader(tsv), "dup.tsv"))
                    .hasMessage("dup.tsv:4: duplicate concept_id D1 (first defined at line 2)");
        }

        @Test
        void givenAnEmptyPreferredName_whenRead_thenTheErrorNamesTheColumn() {
            String tsv = HEADER + "D1\tMESH\tDisease\t \t\t\t\n";

            assertThatThrownBy(() -> KnowledgeBase.readTsv(new StringReader(tsv), "empty.tsv"))
                    .hasMessage("empty.tsv:2: empty preferred_name");
        }

        @Test
        void givenAWrongHeader_whenRead_thenTheErrorSaysWhatWasExpected() {
            String tsv = "concept_id\tname\tsemantic_type\tpreferred_name\n";

            assertThatThrownBy(() -> KnowledgeBase.readTsv(new StringReader(tsv), "header.tsv"))
                    .hasMessageStartingWith("header.tsv:1: unexpected header");
        }

        @Test
        void givenOnlyComments_whenRead_thenItFailsRatherThanServingAnEmptyKb() {
            assertThatThrownBy(() -> KnowledgeBase.readTsv(new StringReader("# version: 1\n" + HEADER), "none.tsv"))
                    .hasMessage("none.tsv: no concepts found");
        }

        @Test
        void givenMissingLocations_whenLoaded_thenTheErrorNamesThem() {
            assertThatThrownBy(() -> KnowledgeBase.load("classpath:no/such/kb.tsv"))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageContaining("classpath:no/such/kb.tsv");
            String missing = dir.resolve("missing.tsv").toString();
            assertThatThrownBy(() -> KnowledgeBase.load(missing))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageContaining(missing);
        }

        @Test
        void givenInvalidUtf8_whenLoaded_thenItFailsInsteadOfCorruptingNames() throws IOException {
            Path file = dir.resolve("latin1.tsv");
            Files.write(file, (HEADER + "D1\tMESH\tDisease\tSj\u00f6gren\t\t\t\n").getBytes(StandardCharsets.ISO_8859_1));

            assertThatThrownBy(() -> KnowledgeBase.load(file.toString()))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageContaining(file.toString());
        }
    }

    @Nested
    class Combining {
        @Test
        void givenTwoSources_whenLoadedTogether_thenConceptsAreConcatenatedAndVersionsJoined() throws IOException {
            Path mesh = write("mesh.tsv", "# version: mesh-2025\n" + HEADER + "D005334\tMESH\tDisease\tFever\t\t\t\n");
            Path drugs = write("drugs.tsv", "# version: db-5.1\n" + HEADER + "DB00331\tDRUGBANK\tDrug\tMetformin\t\t\t\n");

            KnowledgeBase kb = KnowledgeBase.loadAll(List.of(mesh.toString(), drugs.toString()));

            assertThat(kb.version()).isEqualTo("mesh-2025+db-5.1");
            assertThat(kb.concepts()).extracting(Concept::id).containsExactly("D005334", "DB00331");
        }

        @Test
        void givenTheSameIdAndVocabularyInTwoSources_whenLoadedTogether_thenTheyAreMergedFirstSourceFirst()
                throws IOException {
            Path a = write("a.tsv", HEADER + "D005334\tMESH\tDisease\tFever\tpyrexia\tFEV\tUMLS:C0015967\n");
            Path b = write("b.tsv", HEADER + "D005334\tMESH\tChemical\tPyrexia\tfebrile|Fever\t\tDO:DOID:0000\n");

            KnowledgeBase kb = KnowledgeBase.loadAll(List.of(a.toString(), b.toString()));

            Concept fever = kb.concept("D005334").orElseThrow();
            assertThat(kb.size()).isEqualTo(1);
            assertThat(fever.preferredName()).isEqualTo("Fever");
            assertThat(fever.type()).isEqualTo(SemanticType.DISEASE);
            assertThat(fever.synonyms()).containsExactly("pyrexia", "febrile");
            assertThat(fever.abbreviations()).containsExactly("FEV");
            assertThat(fever.xrefs()).containsExactly("UMLS:C0015967", "DO:DOID:0000");
        }

        @Test
        void givenTheSameIdWithDifferentVocabularies_whenLoadedTogether_thenTheErrorNamesBothSources()
                throws IOException {
            Path a = write("a.tsv", HEADER + "D005334\tMESH\tDisease\tFever\t\t\t\n");
            Path b = write("b.tsv", HEADER + "D005334\tOTHER\tDisease\tPyrexia\t\t\t\n");

            assertThatThrownBy(() -> KnowledgeBase.loadAll(List.of(a.toString(), b.toString())))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageContaining("D005334")
                    .hasMessageContaining(a.toString())
                    .hasMessageContaining(b.toString());
        }

        @Test
        void givenConfigValuesSplitOnEveryComma_whenLoadedTogether_thenOptionListsAreRejoined() throws IOException {
            Path mesh = write("mesh.tsv", "# version: mesh-2025\n" + HEADER + "D005334\tMESH\tDisease\tFever\t\t\t\n");
            Path terms = write("terms.tsv", "mesh_id\tmesh_name\nD008687\tMetformin\nD003920\tDiabetes Mellitus\n");
            write("tree_numbers.tsv", "mesh_id\tmesh_name\tmesh_tree_number\nD008687\tMetformin\tD02.078\n"
                    + "D003920\tDiabetes Mellitus\tC19.246\n");
            String config = mesh + ",mesh:" + terms + "?types=chemical,disease";

            KnowledgeBase kb = KnowledgeBase.loadAll(List.of(config.split(",")));

            assertThat(kb.concepts()).extracting(Concept::id).containsExactly("D005334", "D008687", "D003920");
        }

        @Test
        void givenNoLocations_whenLoadedTogether_thenItIsRejected() {
            assertThatThrownBy(() -> KnowledgeBase.loadAll(List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Resolving {
        private final KnowledgeBase kb = KnowledgeBase.of("r1", List.of(
                new Concept("C537805", "MESH", SemanticType.DISEASE, "17-Hydroxysteroid Dehydrogenase Deficiency",
                        List.of(), List.of(), List.of("OMIM:264300", "DO:DOID:0000")),
                new Concept("C0011849", "UMLS", SemanticType.DISEASE, "Diabetes Mellitus", List.of(), List.of(),
                        List.of("MESH:D003920", "DO:DOID:0000")),
                new Concept("OMIM:613370", "OMIM", SemanticType.DISEASE, "MODY 10", List.of(), List.of(), List.of())));

        @Test
        void givenAPrimaryIdWithOrWithoutMeshPrefix_whenResolved_thenItIsFound() {
            assertThat(kb.resolve("C537805").orElseThrow().id()).isEqualTo("C537805");
            assertThat(kb.resolve("MESH:C537805").orElseThrow().id()).isEqualTo("C537805");
            assertThat(kb.resolve(" OMIM:613370 ").orElseThrow().id()).isEqualTo("OMIM:613370");
        }

        @Test
        void givenAnAlternativeId_whenResolved_thenItsConceptIsFound() {
            assertThat(kb.resolve("OMIM:264300").orElseThrow().id()).isEqualTo("C537805");
            assertThat(kb.resolve("MESH:D003920").orElseThrow().id()).isEqualTo("C0011849");
            assertThat(kb.resolve("D003920").orElseThrow().id()).isEqualTo("C0011849");
        }

        @Test
        void givenAnAltIdSharedByTwoConcepts_whenResolved_thenTheFirstInKbOrderWins() {
            assertThat(kb.resolve("DO:DOID:0000").orElseThrow().id()).isEqualTo("C537805");
        }

        @Test
        void givenUnknownOrBlankIds_whenResolved_thenNothingIsFound() {
            assertThat(kb.resolve("OMIM:999999")).isEmpty();
            assertThat(kb.resolve("")).isEmpty();
            assertThat(kb.resolve(null)).isEmpty();
        }

        @Test
        void givenTwoConceptsWithOneId_whenBuilt_thenItIsRejected() {
            Concept c = new Concept("D1", "MESH", SemanticType.DISEASE, "A", null, null, null);
            assertThatThrownBy(() -> KnowledgeBase.of("v", List.of(c, c)))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageContaining("duplicate concept id D1");
        }
    }

    @Nested
    class Concepts {
        @Test
        void givenTheSevenArgumentConstructor_whenBuilt_thenThereAreNoTreeNumbers() {
            Concept c = new Concept("D1", "MESH", SemanticType.DISEASE, "A", List.of("a"), null, null);

            assertThat(c.treeNumbers()).isEmpty();
            assertThat(c).isEqualTo(new Concept("D1", "MESH", SemanticType.DISEASE, "A", List.of("a"), List.of(),
                    List.of(), List.of()));
        }

        @Test
        void givenTreeNumbers_whenBuilt_thenTheyAreKeptImmutable() {
            List<String> trees = new ArrayList<>(List.of("C10.228.140.300"));
            Concept c = new Concept("D1", "MESH", SemanticType.DISEASE, "A", null, null, null, trees);
            trees.add("C99");

            assertThat(c.treeNumbers()).containsExactly("C10.228.140.300");
            assertThatThrownBy(() -> c.treeNumbers().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class SemanticTypes {
        @Test
        void givenAnyCase_whenParsed_thenTheTypeIsFound() {
            assertThat(SemanticType.parse("Disease")).isEqualTo(SemanticType.DISEASE);
            assertThat(SemanticType.parse("chemical")).isEqualTo(SemanticType.CHEMICAL);
            assertThat(SemanticType.parse(" DRUG ")).isEqualTo(SemanticType.DRUG);
        }

        @Test
        void givenAnUnknownType_whenParsed_thenTheErrorListsTheAcceptedValues() {
            assertThatThrownBy(() -> SemanticType.parse("Gene"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unknown semantic type 'Gene'; expected one of Disease, Chemical, Drug");
            assertThatThrownBy(() -> SemanticType.parse(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
