package io.linkrx.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MentionDictionaryTest {
    @Test
    void leavesTheOwnDocumentOutSoTrainingSeesUnseenNotes() {
        MentionDictionary d = new MentionDictionary();
        d.add("doc1", "niddm", "D003924");
        d.add("doc2", "niddm", "D003924");
        d.add("doc2", "niddm", "D003922");

        assertThat(d.probability("niddm", "D003924", null)).isEqualTo(2 / 3.0);
        assertThat(d.probability("niddm", "D003924", "doc2")).isEqualTo(1.0);
        assertThat(d.candidates("niddm", "doc1")).containsExactlyInAnyOrder("D003924", "D003922");
        assertThat(d.probability("unseen", "D003924", null)).isZero();
        assertThat(d.prior("D003924", null)).isEqualTo(1.0);
        assertThat(d.seen("D003922", "doc2")).as("only doc2 linked it").isFalse();
    }

    @Test
    void writesAndReadsTheSameCounts(@TempDir Path dir) throws IOException {
        MentionDictionary d = new MentionDictionary();
        d.add("a", "niddm", "D003924");
        d.add("b", "niddm", "D003924");
        d.add("b", "iddm", "D003922");
        Path file = dir.resolve("dict.tsv");
        d.write(file);

        MentionDictionary read = MentionDictionary.read(file);
        assertThat(read.probability("niddm", "D003924", null)).isEqualTo(1.0);
        assertThat(read.namesByConcept()).containsEntry("D003922", java.util.Set.of("iddm"));
        assertThat(read.size()).isEqualTo(2);

        Files.writeString(file, "niddm\tD003924\n");
        assertThatThrownBy(() -> MentionDictionary.read(file)).hasMessageContaining(":1:");
    }

    @Test
    void givenCompositeLinksWhenTheyAreMostOfTheTextsLinksThenTheTextIsComposite(@TempDir Path dir) {
        MentionDictionary d = new MentionDictionary();
        d.addComposite("a", "hemorrhagic cystitis", List.of("D006470", "D003556"));
        d.addComposite("b", "hemorrhagic cystitis", List.of("D006470", "D003556", "D006470"));
        d.addComposite("c", "hemorrhagic cystitis", List.of("D003556")); // one concept: not composite
        d.addComposite("a", "renal failure", List.of("D051437", "D007674"));
        d.add("b", "renal failure", "D051437");
        d.add("c", "renal failure", "D051437");

        assertThat(d.composite("hemorrhagic cystitis")).containsExactly("D006470", "D003556");
        assertThat(d.probability("hemorrhagic cystitis", "D003556", null)).as("each concept counts too")
                .isEqualTo(3 / 5.0);
        assertThat(d.composite("renal failure")).as("1 of 3 links to D051437").isEmpty();
        assertThat(d.composite("unseen")).isEmpty();

        Path file = dir.resolve("dict.tsv");
        d.write(file);
        MentionDictionary read = MentionDictionary.read(file);
        assertThat(read.composite("hemorrhagic cystitis")).containsExactly("D006470", "D003556");
        assertThat(read.probability("hemorrhagic cystitis", "D003556", null)).isEqualTo(3 / 5.0);
        assertThat(read.composite("renal failure")).isEmpty();
        assertThat(read.size()).isEqualTo(2);
    }
}
