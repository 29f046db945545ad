package io.linkrx.kb.load;

import static io.linkrx.kb.load.TestFiles.gzip;
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

class UmlsLoaderTest {
    // CUI|LAT|TS|LUI|STT|SUI|ISPREF|AUI|SAUI|SCUI|SDUI|SAB|TTY|CODE|STR|SRL|SUPPRESS|CVF|
    static final String MRCONSO = """
            C0011849|ENG|S|L0011849|PF|S0027927|Y|A0041460||M0006150|D003920|MSH|MH|D003920|Diabetes Mellitus|0|N|256|
            C0011849|ENG|P|L0011849|VO|S0352735|Y|A0418453|||D003920|SNOMEDCT_US|PT|73211009|Diabetes mellitus (disorder)|9|N||
            C0011849|ENG|P|L0011849|PF|S0027926|Y|A0041459|||D003920|MTH|PN|NOCODE|Diabetes mellitus|0|N||
            C0011849|ENG|S|L0011849|PF|S0027928|N|A0041461|||D003920|MSH|ET|D003920|diabetes mellitus|0|N||
            C0011849|ENG|S|L1234567|PF|S0000001|Y|A0000001|||D003920|SNOMEDCT_US|AB|73211009|DM|9|N||
            C0011849|ENG|S|L7654321|PF|S0000002|Y|A0000002|||D003920|SNOMEDCT_US|SY|73211009|Diabetes, obsolete name|9|O||
            C0011849|FRE|P|L0162512|PF|S0226386|Y|A0000003|||D003920|MSHFRE|MH|D003920|Diabète|3|N||
            C0025598|ENG|P|L0025598|PF|S0061291|Y|A0083830||M0013524|D008687|MSH|MH|D008687|Metformin|0|N||
            C0025598|ENG|S|L0000004|PF|S0000004|Y|A0000004||M0013524|D008687|MSH|ET|D008687|Glucophage|0|E||
            C0025598|ENG|S|L0000005|PF|S0000005|Y|A0000005|||D008687|RXNORM|IN|6809|metformin|0|N||
            C0003062|ENG|P|L0003062|PF|S0000006|Y|A0000006|||D000818|MSH|MH|D000818|Animals|0|N||
            C9999999|ENG|P|L9999999|PF|S0000007|Y|A0000007||||SNOMEDCT_US|PT|1|Only French elsewhere|9|N||
            C0000005|ENG|P|L0000005|PF|S0000008|Y|A0000008||||MSH|PEP|D012711|(131)I-Macroaggregated Albumin|0|N||
            """;
    // CUI|TUI|STN|STY|ATUI|CVF|
    static final String MRSTY = """
            C0011849|T047|B2.2.1.2.1|Disease or Syndrome|AT17683839|3840|
            C0025598|T109|A1.4.1.1.1|Organic Chemical|AT17583525|256|
            C0025598|T121|A1.4.1.1.1.1|Pharmacologic Substance|AT17583526|256|
            C0003062|T008|A1.1.3.1.1|Animal|AT17599900|256|
            C9999999|T047|B2.2.1.2.1|Disease or Syndrome|AT00000001||
            C0000005|T116|A1.4.1.2.1.7|Amino Acid, Peptide, or Protein|AT17648347|256|
            """;

    @TempDir
    Path dir;

    private Path meta() {
        Path meta = dir.resolve("2015AA/META");
        write(meta.resolve("MRCONSO.RRF"), MRCONSO);
        write(meta.resolve("MRSTY.RRF"), MRSTY);
        return meta;
    }

    @Test
    void givenMrconsoAndMrsty_whenLoaded_thenFiltersTypesAndPreferredNamesApply() {
        KnowledgeBase kb = KnowledgeBase.load("umls:" + meta());

        assertThat(kb.concepts()).extracting(Concept::id).containsExactly("C0011849", "C0025598", "C9999999",
                "C0000005");
        Concept dm = kb.concept("C0011849").orElseThrow();
        assertThat(dm.vocabulary()).isEqualTo("UMLS");
        assertThat(dm.type()).isEqualTo(SemanticType.DISEASE);
        assertThat(dm.preferredName()).as("TS=P, STT=PF, ISPREF=Y").isEqualTo("Diabetes mellitus");
        assertThat(dm.synonyms()).as("no French, no obsolete, case variants once")
                .containsExactly("Diabetes mellitus (disorder)");
        assertThat(dm.abbreviations()).containsExactly("DM");
        assertThat(dm.xrefs()).containsExactly("MESH:D003920");
        Concept metformin = kb.concept("C0025598").orElseThrow();
        assertThat(metformin.type()).as("a pharmacologic substance is a drug before a chemical")
                .isEqualTo(SemanticType.DRUG);
        assertThat(metformin.names()).containsExactly("Metformin").as("suppressible Glucophage dropped");
        assertThat(kb.resolve("D008687")).containsSame(metformin);
        assertThat(kb.version()).matches("umls:META@[0-9a-f]{12}");
    }

    @Test
    void givenSourcesInPreferenceOrder_whenLoaded_thenOnlyTheyGiveNamesAndTheFirstIsPreferred() {
        KnowledgeBase kb = KnowledgeBase.load("umls:" + meta() + "?sab=SNOMEDCT_US,MSH&types=disease,drug");

        Concept dm = kb.concept("C0011849").orElseThrow();
        assertThat(dm.preferredName()).isEqualTo("Diabetes mellitus (disorder)");
        assertThat(dm.synonyms()).containsExactly("Diabetes Mellitus");
        assertThat(dm.xrefs()).containsExactly("MESH:D003920");
        assertThat(kb.concept("C0000005")).as("a chemical, not requested").isEmpty();
        assertThat(kb.concept("C0025598").orElseThrow().names()).containsExactly("Metformin");
    }

    @Test
    void givenOtherLanguagesAndNoSuppressFilter_whenLoaded_thenThoseRowsAreKept() {
        KnowledgeBase kb = KnowledgeBase.load("umls:" + meta().resolve("MRCONSO.RRF")
                + "?lang=ENG,FRE&suppress=O&types=disease,drug");

        assertThat(kb.concept("C0011849").orElseThrow().synonyms()).contains("Diabète");
        assertThat(kb.concept("C0025598").orElseThrow().synonyms()).containsExactly("Glucophage");
    }

    @Test
    void givenGzippedFiles_whenLoaded_thenTheyAreRead() {
        Path meta = dir.resolve("gz");
        write(meta.resolve("x"), "");
        gzip(meta.resolve("MRCONSO.RRF.gz"), MRCONSO);
        gzip(meta.resolve("MRSTY.RRF.gz"), MRSTY);

        assertThat(KnowledgeBase.load("umls:" + meta).size()).isEqualTo(4);
    }

    @Test
    void givenAShortMrconsoRow_whenLoaded_thenTheErrorNamesFileAndLine() {
        Path meta = meta();
        write(meta.resolve("MRCONSO.RRF"), MRCONSO + "C0011849|ENG|P|L0011849|PF\n");

        assertThatThrownBy(() -> KnowledgeBase.load("umls:" + meta))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageStartingWith(meta.resolve("MRCONSO.RRF") + ":14: expected 18 '|'-separated MRCONSO fields")
                .hasMessageContaining("found 5");
    }

    @Test
    void givenAMissingMrsty_whenLoaded_thenTheErrorNamesTheDirectory() {
        Path meta = dir.resolve("only");
        write(meta.resolve("MRCONSO.RRF"), MRCONSO);

        assertThatThrownBy(() -> KnowledgeBase.load("umls:" + meta))
                .hasMessage(meta + ": MRSTY.RRF not found (UMLS needs MRCONSO.RRF and MRSTY.RRF)");
    }

    @Test
    void givenFiltersThatKeepNothing_whenLoaded_thenItFailsRatherThanServingAnEmptyKb() {
        assertThatThrownBy(() -> KnowledgeBase.load("umls:" + meta() + "?sab=NCI"))
                .hasMessageContaining("no UMLS concepts pass the filters");
    }
}
