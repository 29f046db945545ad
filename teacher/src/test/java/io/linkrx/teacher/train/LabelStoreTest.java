package io.linkrx.teacher.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelStoreTest {
    @TempDir
    Path dir;

    @Test
    void labelsSurviveAReopenInArrivalOrderAndTheDigestNamesTheContent() {
        LabelStore store = new LabelStore(dir);
        StoredLabel a = TrainingData.label("r1", "n1", "STEMI", "D009203", "teacher", 1);
        StoredLabel b = TrainingData.label("r2", "n2", "CKD", "D007676", "simulated", 2);
        store.append(List.of(a));
        String before = store.digest();
        store.append(List.of(b));

        LabelStore reopened = new LabelStore(dir);

        assertThat(reopened.readAll()).containsExactly(a, b);
        assertThat(reopened.digest()).startsWith("sha256:").isNotEqualTo(before).isEqualTo(store.digest());
    }

    @Test
    void aLineTornByACrashIsCutOffWhenTheStoreOpens() throws IOException {
        LabelStore store = new LabelStore(dir);
        StoredLabel a = TrainingData.label("r1", "n1", "STEMI", "D009203", "teacher", 1);
        store.append(List.of(a));
        Files.writeString(store.file(), "{\"requestId\":\"r2\",\"noteId", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        LabelStore reopened = new LabelStore(dir);
        StoredLabel b = TrainingData.label("r3", "n3", "CKD", "D007676", "teacher", 3);
        reopened.append(List.of(b));

        assertThat(reopened.readAll()).containsExactly(a, b);
    }
}
