package io.linkrx.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.linkrx.index.bench.IdNameDictionary;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lexical-only index of the real MEDIC dictionary (11,865 concepts, 77,691 names), when the data is present. */
class MedicDictionaryIndexTest {
    static final Path MEDIC = Path.of("/work/shared/data/medic/medic_dictionary.txt");

    @TempDir
    Path dir;

    @Test
    void givenTheMedicDictionary_whenIndexed_thenType2DiabetesIsFoundByItsCommonName() throws IOException {
        assumeTrue(Files.isRegularFile(MEDIC), "MEDIC dictionary not available");
        KnowledgeBase kb = IdNameDictionary.read(MEDIC, "medic-2017-06-06");
        new KbIndexBuilder(kb).build(dir.resolve("ix"));

        try (KbIndex index = KbIndex.open(dir.resolve("ix"))) {
            List<IndexHit> hits = index.lexical("type 2 diabetes mellitus", SemanticType.DISEASE, 5);

            assertThat(hits).extracting(IndexHit::conceptId).contains("D003924");
            assertThat(index.metadata().concepts()).isEqualTo(kb.size());
        }
    }
}
