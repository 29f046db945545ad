package io.linkrx.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class PubTatorWriterTest {
    private static final String CORPUS = """
            10021369|t|Identification of APC2, a homologue of the adenomatous polyposis coli tumour suppressor.
            10021369|a|The adenomatous polyposis coli (APC) tumour-suppressor protein controls colorectal cancer.
            10021369\t43\t86\tadenomatous polyposis coli tumour\tModifier\tD011125
            10021369\t89\t124\tThe adenomatous polyposis coli (APC)\tSpecificDisease\t-1
            10021369\t160\t177\tcolorectal cancer\tDiseaseClass\tD015179|D003110
            10021369\t160\t177\tcolorectal cancer\tCompositeMention\tD015179+D003110

            """;

    @Test
    void givenACorpusWhenWrittenAndReadAgainThenDocumentsAndMentionsAreTheSame() {
        List<PubTatorDocument> docs = PubTatorReader.read(new StringReader(CORPUS), "test");

        List<PubTatorDocument> again = PubTatorReader.read(new StringReader(PubTatorWriter.format(docs)), "again");

        assertThat(again).isEqualTo(docs);
        assertThat(again.get(0).mentions()).hasSize(4);
        assertThat(again.get(0).mentions().get(1).nil()).isTrue();
    }
}
