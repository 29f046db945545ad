package io.linkrx.rx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.kg.KnowledgeGraph;

class RecommenderTest {
    @TempDir Path dir;

    @Test
    void everyRecommendationHasAPathAndCurrentDrugsAreExcluded() throws Exception {
        List<String> t = new ArrayList<>();
        // 12 diseases in pairs of similar diseases; compounds treat one of a pair and bind genes of both
        for (int d = 0; d < 12; d++) {
            t.add("Disease::D" + d + " DaG Gene::G" + d);
            t.add("Disease::D" + d + " DaG Gene::G" + (d + 1));
            if (d % 2 == 0) {
                t.add("Disease::D" + d + " DrD Disease::D" + (d + 1));
            }
        }
        for (int c = 0; c < 24; c++) {
            int d = c % 12;
            t.add("Compound::C" + c + " CbG Gene::G" + d);
            if (c < 12) {
                t.add("Compound::C" + c + " CtD Disease::D" + d);
                t.add("Compound::C" + c + " CtD Disease::D" + (d ^ 1));
            }
        }
        KnowledgeGraph kg = Toy.graph(dir, t.toArray(new String[0]));
        var treats = kg.relationByType("CtD").orElseThrow();
        FeatureSpace space = new FeatureSpace(kg, treats, Metapath.hetionet(kg));
        List<Integer> diseases = new ArrayList<>();
        for (int d : kg.entitiesOfType("Disease")) diseases.add(d);
        TreatsModel model = new TreatsLearner(space, 0.4, 0, 20, 1).train(diseases, EdgeMask.NONE);
        Recommender rec = new Recommender(space, model, NodeNames.empty().put("Compound::C0", "Zeromab"), 0.4);
        int d0 = kg.entity("Disease::D0");
        int c0 = kg.entity("Compound::C0");
        var out = rec.recommend(List.of(new Recommender.Target(d0, "")), Set.of(), 10, 2);
        assertThat(out).isNotEmpty();
        assertThat(out).allSatisfy(r -> {
            assertThat(r.paths()).isNotEmpty();
            assertThat(r.probability()).isBetween(0.0, 1.0);
            assertThat(r.paths().get(0).nodeIds().get(0)).isEqualTo(r.compoundId());
            assertThat(r.paths().get(0).nodeIds().get(r.paths().get(0).nodeIds().size() - 1)).isEqualTo(r.diseaseId());
        });
        assertThat(out).anySatisfy(r -> assertThat(r.compoundName()).isEqualTo("Zeromab"));
        var withoutC0 = rec.recommend(List.of(new Recommender.Target(d0, "")), Set.of(c0), 10, 2);
        assertThat(withoutC0).noneMatch(r -> r.compoundId().equals("Compound::C0"));
        // probabilities sorted, descending
        for (int i = 1; i < out.size(); i++) {
            assertThat(out.get(i).probability()).isLessThanOrEqualTo(out.get(i - 1).probability());
        }
    }
}
