package io.linkrx.rx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.kg.KnowledgeGraph;

/** Leakage guards of the v2 features: node degrees and feature selection never read a scored disease's indications. */
class FeatureLeakageTest {
    @TempDir Path dir;

    @Test
    void nodeDegreesSkipCompoundDiseaseRelationsAndIgnoreTreatsEdges() throws Exception {
        KnowledgeGraph kg = Toy.graph(dir,
                "Compound::C1 CtD Disease::D1", "Compound::C1 CpD Disease::D1", "Compound::C1 CtD Disease::D2",
                "Compound::C1 CrC Compound::C2", "Compound::C2 CbG Gene::G1", "Disease::D1 DaG Gene::G1",
                "Disease::D2 DaG Gene::G1", "Disease::D1 DaG Gene::G2", "Disease::D2 DrD Disease::D1");
        var treats = kg.relationByType("CtD").orElseThrow();
        FeatureSpace space = new FeatureSpace(kg, treats, Metapath.hetionet(kg));
        List<String> names = Arrays.asList(space.names());
        // palliates (and treats) are Compound–Disease relations: never a degree feature on either side
        assertThat(names).contains("cdegree:CrC", "ddegree:DaG", "ddegree:DrD")
                .noneMatch(n -> n.endsWith(":CpD") && !n.startsWith("dwpc:"))
                .noneMatch(n -> (n.startsWith("cdegree:") || n.startsWith("ddegree:")) && n.endsWith(":CtD"));
        int d1 = kg.entity("Disease::D1");
        int c1 = kg.entity("Compound::C1");
        Dwpc dwpc = new Dwpc(kg, 0.4);
        EdgeMask held = EdgeMask.NONE.plus(treats.index(), d1);
        double[][] raw = space.raw(d1, held, dwpc);
        int ci = space.compoundIndex(c1);
        assertThat(raw[ci][names.indexOf("cdegree:CrC")]).isEqualTo(1.0);
        assertThat(raw[ci][names.indexOf("ddegree:DaG")]).isEqualTo(2.0);
        // removing every treats edge of D1 and D2 from the mask's view changes no node-degree feature
        EdgeMask both = held.plus(treats.index(), kg.entity("Disease::D2"));
        double[][] raw2 = space.raw(d1, both, dwpc);
        for (int j = 0; j < names.size(); j++) {
            if (names.get(j).startsWith("cdegree:") || names.get(j).startsWith("ddegree:")) {
                assertThat(raw2[ci][j]).as(names.get(j)).isEqualTo(raw[ci][j]);
            }
        }
    }

    @Test
    void selectionKeepsDegreesAndPositiveDwpcOnly() throws Exception {
        KnowledgeGraph kg = Toy.graph(dir, "Compound::C1 CtD Disease::D1", "Compound::C1 CbG Gene::G1",
                "Disease::D1 DaG Gene::G1");
        var treats = kg.relationByType("CtD").orElseThrow();
        FeatureSpace space = new FeatureSpace(kg, treats, Metapath.hetionet(kg));
        double[] w = new double[space.size()];
        Arrays.fill(w, -1.0);
        w[0] = 0.5;
        boolean[] active = TreatsLearner.selectPositive(space, w);
        assertThat(active[0]).isTrue();
        for (int j = 1; j < w.length; j++) {
            assertThat(active[j]).isEqualTo(!space.isDwpc(j));
        }
    }
}
