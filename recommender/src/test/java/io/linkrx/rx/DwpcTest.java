package io.linkrx.rx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.kg.KnowledgeGraph;

class DwpcTest {
    @TempDir Path dir;

    @Test
    void handComputedDegreeWeightedPathCounts() throws Exception {
        KnowledgeGraph kg = Toy.graph(dir,
                "Compound::C1 CbG Gene::G1", "Compound::C1 CbG Gene::G2", "Compound::C2 CbG Gene::G1",
                "Disease::D1 DaG Gene::G1", "Disease::D1 DaG Gene::G2",
                "Compound::C2 CtD Disease::D2", "Disease::D2 DrD Disease::D1");
        List<Metapath> mps = Metapath.hetionet(kg);
        Metapath cbgad = mps.stream().filter(m -> m.abbrev().equals("CbGaD")).findFirst().orElseThrow();
        Metapath ctdrd = mps.stream().filter(m -> m.abbrev().equals("CtDrD")).findFirst().orElseThrow();
        Dwpc dwpc = new Dwpc(kg, 0.4);
        int d1 = kg.entity("Disease::D1");
        int c1 = kg.entity("Compound::C1");
        int c2 = kg.entity("Compound::C2");
        // C1-G1-D1: (2·2)^-.4 · (1·2)^-.4 ; C1-G2-D1: (2·1)^-.4 · (1·2)^-.4
        double expectedC1 = Math.pow(8, -0.4) + Math.pow(4, -0.4);
        // C2-G1-D1: (1·2)^-.4 · (1·2)^-.4
        double expectedC2 = Math.pow(4, -0.4);
        Dwpc.Sparse s = dwpc.toDisease(cbgad, d1, EdgeMask.NONE);
        assertThat(s.get(c1)).isCloseTo(expectedC1, within(1e-12));
        assertThat(s.get(c2)).isCloseTo(expectedC2, within(1e-12));
        // DrD is walked both ways: D2 → D1 stored once, C2 treats D2 → (1·1)^-.4 · (1·1)^-.4 = 1
        assertThat(dwpc.toDisease(ctdrd, d1, EdgeMask.NONE).get(c2)).isCloseTo(1.0, within(1e-12));
        // concrete paths add up to the DWPC
        List<Dwpc.Path> paths = dwpc.paths(cbgad, c1, d1, EdgeMask.NONE, 1000);
        assertThat(paths).hasSize(2);
        assertThat(paths.stream().mapToDouble(Dwpc.Path::pdp).sum()).isCloseTo(expectedC1, within(1e-12));
        assertThat(paths.get(0).nodes()).startsWith(c1).endsWith(d1);
    }

    @Test
    void heldOutDiseaseOwnTreatsEdgesNeverFeedItsFeatures() throws Exception {
        KnowledgeGraph kg = Toy.graph(dir,
                "Compound::C1 CtD Disease::D1", "Compound::C2 CrC Compound::C1", "Compound::C1 CtD Disease::D2",
                "Disease::D2 DrD Disease::D1", "Compound::C2 CtD Disease::D2");
        var treats = kg.relationByType("CtD").orElseThrow();
        FeatureSpace space = new FeatureSpace(kg, treats, Metapath.hetionet(kg));
        // metapaths ending in the treats edge would read the held-out disease's own edges: excluded
        assertThat(space.excludedMetapaths()).extracting(Metapath::abbrev).contains("CrCtD");
        assertThat(space.metapaths()).noneMatch(m -> m.endsWith(treats));
        int d1 = kg.entity("Disease::D1");
        int c1 = kg.entity("Compound::C1");
        Metapath crctd = Metapath.hetionet(kg).stream().filter(m -> m.abbrev().equals("CrCtD")).findFirst().orElseThrow();
        Dwpc dwpc = new Dwpc(kg, 0.4);
        EdgeMask held = EdgeMask.NONE.plus(treats.index(), d1);
        int c2 = kg.entity("Compound::C2");
        assertThat(dwpc.toDisease(crctd, d1, EdgeMask.NONE).get(c2)).isPositive(); // leaks without the mask
        assertThat(dwpc.toDisease(crctd, d1, held).get(c2)).isZero();
        assertThat(dwpc.paths(crctd, c2, d1, held, 100)).isEmpty();
        // the treats-degree feature no longer counts C1's edge to the held-out D1
        double[][] raw = space.raw(d1, held, dwpc);
        int degCol = space.metapaths().size();
        assertThat(raw[space.compoundIndex(c1)][degCol]).isEqualTo(1.0);
        assertThat(space.raw(d1, EdgeMask.NONE, dwpc)[space.compoundIndex(c1)][degCol]).isEqualTo(2.0);
        // CtDrD for D1 still uses D2's (not held-out) treats edges
        int ctdrd = space.metapaths().indexOf(space.metapaths().stream()
                .filter(m -> m.abbrev().equals("CtDrD")).findFirst().orElseThrow());
        assertThat(raw[space.compoundIndex(c1)][ctdrd]).isPositive();
    }
}
