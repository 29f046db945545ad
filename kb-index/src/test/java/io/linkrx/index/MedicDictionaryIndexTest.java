package io.linkrx.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lexical-only index of the real MEDIC dictionary (~11.9k concepts, 77.7k names), when the data is present. */
class MedicDictionaryIndexTest {
    static final Path MEDIC = Path.of("/work/shared/data/medic/medic_dictionary.txt");

    @TempDir
    Path dir;

    @Test
    void givenTheMedicDictionary_whenIndexed_thenType2DiabetesIsFoundByItsCommonName() throws IOException {
        assumeTrue(Files.isRegularFile(MEDIC), "MEDIC dictionary not available");
        KnowledgeBase kb = KnowledgeBase.readTsv(new StringReader(toTsv(Files.readAllLines(MEDIC))), MEDIC.toString());
        long start = System.nanoTime();
        new KbIndexBuilder(kb).build(dir.resolve("ix"));
        long buildMillis = (System.nanoTime() - start) / 1_000_000;

        try (KbIndex index = KbIndex.open(dir.resolve("ix"))) {
            List<IndexHit> hits = index.lexical("type 2 diabetes mellitus", SemanticType.DISEASE, 5);

            assertThat(hits).extracting(IndexHit::conceptId).contains("D003924");
            assertThat(index.metadata().concepts()).isEqualTo(kb.size());
            System.out.printf("MEDIC: %d concepts, %d names indexed in %d ms%n", kb.size(), index.metadata().names(),
                    buildMillis);
        }
    }

    /** {@code ID||name} lines, first name of an id preferred, to the linkrx KB TSV. */
    static String toTsv(List<String> lines) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String line : lines) {
            int sep = line.indexOf("||");
            if (sep > 0) {
                names.computeIfAbsent(line.substring(0, sep), id -> new ArrayList<>()).add(line.substring(sep + 2).strip());
            }
        }
        StringBuilder tsv = new StringBuilder("# version: medic-2017-06-06\n");
        names.forEach((id, n) -> tsv.append(id).append('\t').append(id.startsWith("OMIM:") ? "OMIM" : "MESH")
                .append("\tDisease\t").append(n.get(0)).append('\t')
                .append(String.join("|", n.subList(1, n.size()))).append('\n'));
        return tsv.toString();
    }
}
