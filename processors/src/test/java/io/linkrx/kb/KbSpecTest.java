package io.linkrx.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KbSpecTest {

    @Nested
    class Parsing {
        @Test
        void givenAFormatPrefix_whenParsed_thenFormatAndPathAreSplit() {
            KbSpec spec = KbSpec.parse("medic:/data/CTD_diseases.tsv.gz");

            assertThat(spec.format()).isEqualTo("medic");
            assertThat(spec.location()).isEqualTo("/data/CTD_diseases.tsv.gz");
            assertThat(spec.options().names()).isEmpty();
        }

        @Test
        void givenOptions_whenParsed_thenTheyAreAvailableTyped() {
            KbSpec spec = KbSpec.parse(" UMLS:/data/META?sab=MSH,SNOMEDCT_US&lang=ENG;SPA&types=disease,drug ");

            assertThat(spec.format()).isEqualTo("umls");
            assertThat(spec.location()).isEqualTo("/data/META");
            assertThat(spec.options().list("sab")).containsExactly("MSH", "SNOMEDCT_US");
            assertThat(spec.options().list("lang")).containsExactly("ENG", "SPA");
            assertThat(spec.options().types("types")).containsExactly(SemanticType.DISEASE, SemanticType.DRUG);
            assertThat(spec.toString()).isEqualTo("umls:/data/META?sab=MSH,SNOMEDCT_US&lang=ENG;SPA&types=disease,drug");
        }

        @Test
        void givenABarePathOrClasspathLocation_whenParsed_thenItIsLinkrxTsv() {
            assertThat(KbSpec.parse("/data/kb.tsv.gz")).isEqualTo(new KbSpec("linkrx", "/data/kb.tsv.gz", null));
            assertThat(KbSpec.parse("classpath:linkrx/demo/kb.tsv"))
                    .isEqualTo(new KbSpec("linkrx", "classpath:linkrx/demo/kb.tsv", null));
            assertThat(KbSpec.parse("linkrx:classpath:kb.tsv").location()).isEqualTo("classpath:kb.tsv");
            assertThat(KbSpec.parse("relative/kb.tsv").format()).isEqualTo("linkrx");
            assertThat(KbSpec.parse("C:\\kb\\kb.tsv").format()).isEqualTo("linkrx");
        }

        @Test
        void givenAPluginFormat_whenParsed_thenServiceLoaderFoundIt() {
            assertThat(KbLoaders.formats()).contains("inline-test", "medic", "dict", "mesh", "umls", "drugbank", "linkrx");
            assertThat(KbSpec.parse("inline-test:D1=Fever?type=chemical").options().type("type", null))
                    .isEqualTo(SemanticType.CHEMICAL);
        }
    }

    @Nested
    class Lists {
        @Test
        void givenCommaSeparatedSpecs_whenSplit_thenCommasInOptionListsStayWithTheirSpec() {
            assertThat(KbSpec.split("classpath:kb.tsv, umls:/META?sab=MSH,SNOMEDCT_US&lang=ENG,medic:/m.tsv.gz,"
                    + "mesh:/t.tsv?types=chemical,disease,/x/kb.tsv"))
                    .containsExactly("classpath:kb.tsv", "umls:/META?sab=MSH,SNOMEDCT_US&lang=ENG", "medic:/m.tsv.gz",
                            "mesh:/t.tsv?types=chemical,disease", "/x/kb.tsv");
        }

        @Test
        void givenPlainLocations_whenSplit_thenEveryCommaSeparates() {
            assertThat(KbSpec.split("a.tsv,b,,c.tsv")).containsExactly("a.tsv", "b", "c.tsv");
            assertThat(KbSpec.parseList("/a.tsv,dict:/d.txt?type=chemical")).extracting(KbSpec::format)
                    .containsExactly("linkrx", "dict");
        }
    }

    @Nested
    class Errors {
        @Test
        void givenAnUnknownFormat_whenParsed_thenTheErrorNamesTheSpecAndTheAcceptedFormats() {
            assertThatThrownBy(() -> KbSpec.parse("obo:/data/doid.obo"))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageContaining("'obo:/data/doid.obo'")
                    .hasMessageContaining("unknown format 'obo'")
                    .hasMessageContaining("dict, drugbank, inline-test, linkrx, medic, mesh, names, umls");
        }

        @Test
        void givenAnUnknownOption_whenParsed_thenTheErrorListsTheAcceptedOptions() {
            assertThatThrownBy(() -> KbSpec.parse("umls:/META?sabs=MSH"))
                    .hasMessageContaining("unknown option 'sabs' for format umls")
                    .hasMessageContaining("lang, sab, suppress, types");
            assertThatThrownBy(() -> KbSpec.parse("drugbank:/d.csv?type=drug"))
                    .hasMessageContaining("accepted options: none");
        }

        @Test
        void givenMalformedOptions_whenParsed_thenTheErrorSaysWhy() {
            assertThatThrownBy(() -> KbSpec.parse("mesh:/m.tsv?types")).hasMessageContaining("name=value");
            assertThatThrownBy(() -> KbSpec.parse("mesh:/m.tsv?types=chemical&types=disease"))
                    .hasMessageContaining("given twice");
            assertThatThrownBy(() -> KbSpec.parse("medic:")).hasMessageContaining("missing location");
            assertThatThrownBy(() -> KbSpec.parse("  ")).hasMessageContaining("empty knowledge-base spec");
        }

        @Test
        void givenABadOptionValue_whenRead_thenTheErrorNamesSpecAndOption() {
            LoadOptions options = KbSpec.parse("mesh:/m.tsv?types=gene").options();

            assertThatThrownBy(() -> options.types("types"))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageStartingWith("mesh:/m.tsv?types=gene: option types=gene: Unknown semantic type 'gene'");
        }

        @Test
        void givenProgrammaticOptions_whenRead_thenNamesAreCaseInsensitive() {
            assertThat(LoadOptions.of(Map.of("Types", " chemical ")).types("types"))
                    .containsExactly(SemanticType.CHEMICAL);
            assertThat(LoadOptions.NONE.list("sab")).isEqualTo(List.of());
        }
    }
}
