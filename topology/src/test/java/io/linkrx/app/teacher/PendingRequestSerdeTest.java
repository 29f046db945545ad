package io.linkrx.app.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The gate's internal formats: no registry, and what goes in comes out. */
class PendingRequestSerdeTest {
    final PendingRequest.StoreSerde serde = new PendingRequest.StoreSerde();

    @Test
    void givenAWaitingRequest_whenStoredAndRead_thenItIsUnchanged() {
        PendingRequest pending = new PendingRequest("pt-1", 1_759_305_600_000L, "C10",
                TeacherRequestGateTest.request("n-1:6-8", "MS", "D009103", 0.75));
        PendingRequest keyless = new PendingRequest(null, 1L, "none",
                TeacherRequestGateTest.request("n-2:0-3", "CHF", "D006333", 0.5));

        byte[] bytes = serde.serializer().serialize("changelog", pending);

        assertThat(serde.deserializer().deserialize("changelog", bytes)).isEqualTo(pending);
        assertThat(serde.deserializer().deserialize("changelog", serde.serializer().serialize("changelog", keyless)))
                .isEqualTo(keyless);
        assertThat(serde.serializer().serialize("changelog", null)).isNull();
    }

    @Test
    void givenARequest_whenSentThroughTheRepartitionTopic_thenItIsUnchanged() {
        TeacherRequestSerde requests = new TeacherRequestSerde();
        var request = TeacherRequestGateTest.request("n-1:6-8", "MS", "D009103", 0.75);

        assertThat(requests.deserializer().deserialize("t", requests.serializer().serialize("t", request))).isEqualTo(request);
    }

    @Test
    void givenBytesOfAnotherFormat_whenRead_thenTheErrorSaysSoWithoutContent() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", new byte[] {9, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format version 9");
        assertThatThrownBy(() -> new TeacherRequestSerde().deserializer().deserialize("t", "Known MS".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageNotContaining("MS");
    }
}
