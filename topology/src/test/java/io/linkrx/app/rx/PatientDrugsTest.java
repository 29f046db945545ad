package io.linkrx.app.rx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.schema.Assertion;
import io.linkrx.schema.LinkedNote;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PatientDrugsTest {
    static final long DAY = Duration.ofDays(1).toMillis();
    final PatientDrugsSerde serde = new PatientDrugsSerde();

    @Test
    void a_drug_stays_current_until_the_horizon_and_an_older_note_never_moves_it_back() {
        PatientDrugs drugs = PatientDrugs.EMPTY.seen(List.of("DB00331"), 100 * DAY).seen(List.of("DB00331", "DB00722"), 50 * DAY);

        assertThat(drugs.lastSeen()).containsEntry("DB00331", 100 * DAY).containsEntry("DB00722", 50 * DAY);
        assertThat(drugs.currentAt(120 * DAY, Duration.ofDays(30))).containsExactly("DB00331");
        assertThat(drugs.currentAt(60 * DAY, Duration.ofDays(30))).containsExactlyInAnyOrder("DB00331", "DB00722");
        assertThat(drugs.prunedAt(120 * DAY, Duration.ofDays(30)).lastSeen()).containsOnlyKeys("DB00331");
    }

    @Test
    void the_store_value_is_small_readable_json_and_round_trips() {
        PatientDrugs drugs = new PatientDrugs(Map.of("DB00331", 1759479300000L));

        byte[] bytes = serde.serializer().serialize("t", drugs);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"v\":1,\"drugs\":{\"DB00331\":1759479300000}}");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(drugs);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"v\":2,\"drugs\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void only_present_linked_conditions_and_drugs_count() {
        LinkedNote note = RecommendationTopologyTest.note("n", "p", Instant.EPOCH,
                RecommendationTopologyTest.mention("htn", "Disease", Assertion.PRESENT, "D006973", "MESH"),
                RecommendationTopologyTest.mention("mi", "Disease", Assertion.HISTORICAL, "D009203", "MESH"),
                RecommendationTopologyTest.mention("dm", "Disease", Assertion.FAMILY, "D003924", "MESH"),
                RecommendationTopologyTest.mention("metformin", "Drug", Assertion.PRESENT, "DB00331", "DRUGBANK"),
                RecommendationTopologyTest.mention("aspirin", "Chemical", Assertion.PRESENT, "D001241", "MESH"),
                RecommendationTopologyTest.mention("warfarin", "Drug", Assertion.HISTORICAL, "DB00682", "DRUGBANK"),
                RecommendationTopologyTest.mention("heparin", "Drug", Assertion.NEGATED, "DB01109", "DRUGBANK"),
                RecommendationTopologyTest.nilMention("xyz"));

        NoteConcepts concepts = NoteConcepts.of(note);

        assertThat(concepts.conditionMeshIds()).containsExactly("D006973");
        // a MeSH-linked chemical travels by its name, for the DrugBank vocabulary to resolve
        assertThat(concepts.drugs()).containsExactlyInAnyOrder("DB00331", "aspirin");
    }
}
