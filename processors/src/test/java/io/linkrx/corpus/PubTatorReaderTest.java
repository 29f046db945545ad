package io.linkrx.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.kb.SemanticType;

class PubTatorReaderTest {
    private static final String CORPUS = """
            227508|t|Naloxone reverses the antihypertensive effect of clonidine.
            227508|a|Ocular and auditory toxicity was seen.
            227508\t0\t8\tNaloxone\tChemical\tD009270
            227508\t60\t88\tOcular and auditory toxicity\tDisease\tD014786|D006311\tOcular toxicity|auditory toxicity
            227508\tCID\tD008750\tD007022

            9050866|t|Familial ATM deficiency.
            9050866|a|
            9050866\t0\t23\tFamilial ATM deficiency\tModifier\tOMIM:208900+D001260
            9050866\t9\t12\tATM\tGeneOrGeneProduct\t472
            9050866\t13\t23\tdeficiency\tDisease\t-1
            """;

    @Test
    void readsDocumentsMentionsCompositeIdsAndSkipsRelations() {
        List<PubTatorDocument> docs = PubTatorReader.read(new StringReader(CORPUS), "test");

        assertThat(docs).hasSize(2);
        PubTatorDocument first = docs.get(0);
        assertThat(first.mentions()).hasSize(2);
        GoldMention toxicity = first.mentions().get(1);
        assertThat(first.text().substring(toxicity.begin(), toxicity.end())).isEqualTo(toxicity.text());
        assertThat(toxicity.ids()).containsExactly("D014786", "D006311");
        assertThat(toxicity.composite()).isTrue();
        assertThat(toxicity.type()).isEqualTo(SemanticType.DISEASE);
        assertThat(first.mentions().get(0).type()).isEqualTo(SemanticType.CHEMICAL);

        PubTatorDocument second = docs.get(1);
        assertThat(second.text()).isEqualTo("Familial ATM deficiency.");
        assertThat(second.mentions().get(0).ids()).containsExactly("OMIM:208900", "D001260");
        assertThat(second.mentions().get(1).type()).as("genes are not linked").isNull();
        assertThat(second.mentions().get(2).nil()).isTrue();
    }

    @Test
    void readsGzipFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("corpus.PubTator.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(CORPUS.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(PubTatorReader.read(file)).hasSize(2);
    }

    @Test
    void offsetsOutsideTheDocumentNameFileAndLine() {
        String bad = "1|t|Short.\n1|a|\n1\t0\t99\tShort\tDisease\tD1\n";
        assertThatThrownBy(() -> PubTatorReader.read(new StringReader(bad), "bad.txt"))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("bad.txt:3")
                .hasMessageNotContaining("Short");
    }

    @Test
    void realCorporaMatchTheirPublishedCounts() {
        Path cdr = Path.of("../../shared/data/bc5cdr/CDR_TrainingSet.PubTator.txt");
        Path ncbi = Path.of("../../shared/data/ncbi_disease/NCBIdevelopset_corpus.txt");
        Assumptions.assumeTrue(Files.exists(cdr) && Files.exists(ncbi), "shared corpora not present");

        List<PubTatorDocument> train = PubTatorReader.read(cdr);
        assertThat(train).hasSize(500);
        long chemicals = train.stream().flatMap(d -> d.mentions().stream())
                .filter(m -> m.type() == SemanticType.CHEMICAL).count();
        long diseases = train.stream().flatMap(d -> d.mentions().stream())
                .filter(m -> m.type() == SemanticType.DISEASE).count();
        assertThat(chemicals).isEqualTo(5203);
        assertThat(diseases).isEqualTo(4182);

        List<PubTatorDocument> dev = PubTatorReader.read(ncbi);
        assertThat(dev).hasSize(100);
        assertThat(dev.stream().flatMap(d -> d.mentions().stream()
                .filter(m -> !d.text().substring(m.begin(), m.end()).equals(m.text())))).isEmpty();
    }
}
