package io.linkrx.kb.load;

import static io.linkrx.kb.load.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBaseException;
import io.linkrx.kb.SemanticType;

class DrugBankLoaderTest {
    static final String CSV = "DrugBank ID,Accession Numbers,Common name,CAS,UNII,Synonyms,Standard InChI Key\r\n"
            + "DB00001,BIOD00024 | BTD00024,Lepirudin,138068-37-8,Y43GF64R34,\"[Leu1, Thr2]-63-desulfohirudin | "
            + "Desulfatohirudin | Lepirudin\",\r\n"
            + "DB00331,APRD01099,Metformin,657-24-9,9100L32L2N,\"1,1-Dimethylbiguanide | Metformin | Metformine\","
            + "XZWYZXLIPXDOLR-UHFFFAOYSA-N\r\n"
            + "DB00715,\"\",Paroxetine,61869-08-7,41VRH5220H,\"Paroxetine \"\"hydrochloride\"\" | Paxil\",\r\n"
            + "DB09999,,\"Multi\nline, name\",,,,\r\n";

    @TempDir
    Path dir;

    @Test
    void givenTheOpenVocabulary_whenLoaded_thenDrugsHaveSynonymsAndXrefs() {
        Path file = write(dir.resolve("drugbank_vocabulary.csv"), CSV);

        KnowledgeBase kb = KnowledgeBase.load("drugbank:" + file);

        assertThat(kb.concepts()).extracting(Concept::id).containsExactly("DB00001", "DB00331", "DB00715", "DB09999");
        Concept metformin = kb.concept("DB00331").orElseThrow();
        assertThat(metformin.vocabulary()).isEqualTo("DRUGBANK");
        assertThat(metformin.type()).isEqualTo(SemanticType.DRUG);
        assertThat(metformin.preferredName()).isEqualTo("Metformin");
        assertThat(metformin.synonyms()).containsExactly("1,1-Dimethylbiguanide", "Metformine");
        assertThat(metformin.xrefs()).containsExactly("CAS:657-24-9", "UNII:9100L32L2N",
                "INCHIKEY:XZWYZXLIPXDOLR-UHFFFAOYSA-N", "DRUGBANK:APRD01099");
        assertThat(kb.concept("DB00001").orElseThrow().synonyms())
                .containsExactly("[Leu1, Thr2]-63-desulfohirudin", "Desulfatohirudin");
        assertThat(kb.concept("DB00715").orElseThrow().synonyms())
                .containsExactly("Paroxetine \"hydrochloride\"", "Paxil");
        assertThat(kb.concept("DB09999").orElseThrow().preferredName()).isEqualTo("Multi\nline, name");
        assertThat(kb.resolve("DRUGBANK:BTD00024").orElseThrow().id()).isEqualTo("DB00001");
        assertThat(kb.version()).matches("drugbank:drugbank_vocabulary.csv@[0-9a-f]{12}");
    }

    @Test
    void givenAWrongFieldCount_whenLoaded_thenTheErrorNamesFileAndLine() {
        Path file = write(dir.resolve("bad.csv"), CSV + "DB10000,,Name,,,\n");

        assertThatThrownBy(() -> KnowledgeBase.load("drugbank:" + file))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageStartingWith(file + ":7: expected 7 comma-separated fields")
                .hasMessageContaining("found 6");
    }

    @Test
    void givenAnUnterminatedQuote_whenLoaded_thenTheErrorNamesTheLineWhereItStarts() {
        Path file = write(dir.resolve("open.csv"), CSV + "DB10000,,\"Name,,,,\n\n");

        assertThatThrownBy(() -> KnowledgeBase.load("drugbank:" + file))
                .hasMessage(file + ":7: unterminated quoted field");
    }

    @Test
    void givenAnotherHeader_whenLoaded_thenTheErrorShowsTheExpectedOne() {
        Path file = write(dir.resolve("h.csv"), "id,name\nDB1,x\n");

        assertThatThrownBy(() -> KnowledgeBase.load("drugbank:" + file))
                .hasMessageStartingWith(file + ":1: expected header DrugBank ID,Accession Numbers,Common name");
    }

    @Nested
    class Rfc4180 {
        @Test
        void givenQuotedCommasQuotesAndLineBreaks_whenRead_thenFieldsAreExact() throws IOException {
            List<List<String>> records = read("a,\"b,c\",\"d\"\"e\"\r\n\"multi\r\nline\",,\"\"\n\nlast,x");

            assertThat(records).containsExactly(List.of("a", "b,c", "d\"e"), List.of("multi\nline", "", ""),
                    List.of("last", "x"));
        }

        @Test
        void givenABareQuoteInsideAField_whenRead_thenItIsKeptLiterally() throws IOException {
            assertThat(read("5\" tube,x\n")).containsExactly(List.of("5\" tube", "x"));
        }

        @Test
        void givenTextAfterAClosingQuote_whenRead_thenTheErrorNamesTheLine() {
            assertThatThrownBy(() -> read("ok,fine\n\"a\"b,c\n"))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessage("t.csv:2: unexpected 'b' after a closing quote");
        }

        @Test
        void givenRecordsAfterAMultiLineField_whenRead_thenTheirLineNumbersCountTheBreaks() throws IOException {
            CsvRecords csv = new CsvRecords(new StringReader("h\n\"a\nb\nc\"\nnext\n"), "t.csv");
            csv.next();
            csv.next();
            assertThat(csv.recordLine()).isEqualTo(2);
            assertThat(csv.next()).containsExactly("next");
            assertThat(csv.recordLine()).isEqualTo(5);
            assertThat(csv.next()).isNull();
        }

        private List<List<String>> read(String text) throws IOException {
            CsvRecords csv = new CsvRecords(new StringReader(text), "t.csv");
            List<List<String>> records = new ArrayList<>();
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                records.add(r);
            }
            return records;
        }
    }
}
