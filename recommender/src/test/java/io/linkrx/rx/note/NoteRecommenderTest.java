package io.linkrx.rx.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.rx.safety.SafetyWarning;

class NoteRecommenderTest {
    @TempDir static Path dir;
    static RxEngine engine;

    @BeforeAll
    static void train() throws Exception {
        engine = RxEngine.build(ToyRxFiles.write(dir));
    }

    @Test
    void recommends_drugs_with_paths_for_a_linked_condition() {
        // Given a note with one condition the graph knows and no current drug
        NoteAdvice advice = engine.newSession().advise(new NoteQuery(List.of("D900000"), Set.of(), 5, 2));

        // Then up to k drugs come back, each with a path from the drug to the condition's node
        assertThat(advice.items()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(advice.items()).allSatisfy(item -> {
            assertThat(item.forConditions()).containsExactly("D900000");
            assertThat(item.drugbankId()).matches("DB\\d{5}");
            assertThat(item.recommendation().paths()).isNotEmpty().hasSizeLessThanOrEqualTo(3); // + known indication
            item.recommendation().paths().forEach(p -> {
                assertThat(p.nodeIds().get(0)).isEqualTo("Compound::" + item.drugbankId());
                assertThat(p.nodeIds().get(p.nodeIds().size() - 1)).isEqualTo(ToyRxFiles.disease(0));
            });
            assertThat(item.pathNodeTypes().get(0).get(0)).isEqualTo("Compound");
        });
        assertThat(advice.items()).extracting(i -> i.recommendation().compoundName()).contains("Zeromab");
        assertThat(advice.unresolvedConditions()).isEmpty();
    }

    @Test
    void current_drugs_are_excluded_and_interactions_warned() {
        // Given the patient takes Onemab (DB90001), which interacts with DB90000 and DB90012
        NoteAdvice advice = engine.newSession().advise(new NoteQuery(List.of("D900000"), Set.of("DB90001"), 24, 1));

        // Then Onemab is not recommended, and the drugs that interact with it carry an INTERACTION warning
        assertThat(advice.items()).extracting(NoteAdvice.Item::drugbankId).doesNotContain("DB90001").contains("DB90000");
        NoteAdvice.Item zeromab = item(advice, "DB90000");
        assertThat(zeromab.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(SafetyWarning.Kind.INTERACTION);
            assertThat(w.relatedId()).isEqualTo("Compound::DB90001");
            assertThat(w.relation()).isEqualTo(ToyRxFiles.DDI);
            assertThat(w.message()).contains("Zeromab", "Onemab");
        });
        // the DDI edge is stored once (DB90001 → DB90012) and still found from the other side
        assertThat(advice.items()).filteredOn(i -> i.drugbankId().equals("DB90012")).allSatisfy(i ->
                assertThat(i.warnings()).extracting(SafetyWarning::kind).contains(SafetyWarning.Kind.INTERACTION));
        assertThat(advice.items()).filteredOn(i -> !Set.of("DB90000", "DB90012").contains(i.drugbankId()))
                .allSatisfy(i -> assertThat(i.warnings()).noneMatch(w -> w.kind() == SafetyWarning.Kind.INTERACTION));
    }

    @Test
    void adverse_event_edges_to_a_linked_condition_are_contraindications() {
        NoteAdvice advice = engine.newSession().advise(new NoteQuery(List.of("D900000"), Set.of(), 24, 1));

        assertThat(advice.items()).extracting(NoteAdvice.Item::drugbankId).contains("DB90012");
        assertThat(item(advice, "DB90012").warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(SafetyWarning.Kind.CONTRAINDICATION);
            assertThat(w.relatedId()).isEqualTo(ToyRxFiles.disease(0));
            assertThat(w.relation()).isEqualTo("GNBR::Sa::Compound:Disease");
        });
        assertThat(item(advice, "DB90000").warnings()).isEmpty();
    }

    @Test
    void a_condition_without_a_node_is_rolled_up_and_says_so() {
        NoteAdvice advice = engine.newSession().advise(new NoteQuery(List.of("D999999", "D123456"), Set.of(), 3, 1));

        assertThat(advice.unresolvedConditions()).containsExactly("D123456");
        assertThat(advice.items()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.forConditions()).containsExactly("D999999");
            assertThat(i.recommendation().diseaseId()).isEqualTo(ToyRxFiles.disease(0));
            assertThat(i.recommendation().diseaseNote()).contains("rolled up 1 level", "D900000");
        });
    }

    @Test
    void no_condition_means_no_recommendation_and_unknown_drugs_are_reported() {
        NoteAdvice advice = engine.newSession().advise(new NoteQuery(List.of(), Set.of("DB00000", "aspirin"), 5, 1));

        assertThat(advice.items()).isEmpty();
        assertThat(advice.unresolvedDrugs()).containsExactlyInAnyOrder("DB00000", "aspirin");
    }

    @Test
    void versions_name_the_model_and_the_graph() {
        assertThat(engine.modelVersion()).matches("rx-dwpc-logreg@[0-9a-f]{12}");
        assertThat(engine.kbVersion()).isEqualTo("toy.drkg.tsv (" + (12 * 2 + 6 + 24 + 24 + 3) + " triples)");
        assertThat(engine.safetyRelations().interactions()).extracting(r -> r.name()).containsExactly(ToyRxFiles.DDI);
    }

    private static NoteAdvice.Item item(NoteAdvice advice, String drugbankId) {
        return advice.items().stream().filter(i -> i.drugbankId().equals(drugbankId)).findFirst().orElseThrow();
    }
}
