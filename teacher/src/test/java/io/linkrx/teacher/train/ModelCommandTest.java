package io.linkrx.teacher.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.linkrx.schema.ModelEvent;

class ModelCommandTest {
    private static final Supplier<PinHistory> HISTORY = () -> PinHistory.of("reranker", List.of(
            ModelEvents.promoted("reranker", "2", "1", "trainer", ""), ModelEvents.promoted("reranker", "3", "2", "trainer", "")));

    @Test
    void rollbackWithoutAVersionGoesBackToThePreviousPin() {
        ModelEvent e = ModelCommand.event(ModelCommand.parse(new String[] {"rollback", "reranker", "--reason", "bad dev"}),
                HISTORY, "alice");

        assertThat(e.getEventType()).isEqualTo("ROLLED_BACK");
        assertThat(e.getModelName()).isEqualTo("reranker");
        assertThat(e.getModelVersion()).isEqualTo("3");
        assertThat(e.getPreviousVersion()).isEqualTo("2");
        assertThat(e.getReason()).isEqualTo("bad dev");
        assertThat(e.getActor()).isEqualTo("alice");
    }

    @Test
    void rollbackToAnExplicitVersion() {
        ModelEvent e = ModelCommand.event(ModelCommand.parse(new String[] {"rollback", "reranker", "--to", "1"}), HISTORY, "ops");

        assertThat(e.getPreviousVersion()).isEqualTo("1");
    }

    @Test
    void rollbackWithNoEarlierPinIsRefused() {
        Supplier<PinHistory> empty = () -> PinHistory.of("reranker", List.of());

        assertThatThrownBy(() -> ModelCommand.event(ModelCommand.parse(new String[] {"rollback", "reranker"}), empty, "ops"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--to");
    }

    @Test
    void promoteNamesTheVersionThatServedBefore() {
        ModelEvent e = ModelCommand.event(ModelCommand.parse(new String[] {"promote", "reranker", "4"}), HISTORY, "ops");

        assertThat(e.getEventType()).isEqualTo("PROMOTED");
        assertThat(e.getModelVersion()).isEqualTo("4");
        assertThat(e.getPreviousVersion()).isEqualTo("3");
    }

    @Test
    void retrainNeedsNoHistory() {
        Supplier<PinHistory> unreadable = () -> {
            throw new AssertionError("history must not be read");
        };

        ModelEvent e = ModelCommand.event(ModelCommand.parse(new String[] {"retrain", "reranker"}), unreadable, "ops");

        assertThat(e.getEventType()).isEqualTo("RETRAIN_REQUESTED");
        assertThat(e.getModelVersion()).isNull();
    }

    @Test
    void usageErrorsExitWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ModelCommand.run(new String[] {"promote", "reranker", "latest"}, Map.of(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a version is a number");
    }
}
