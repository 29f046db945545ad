package io.linkrx.app.rx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small DRKG-format graph with real-looking ids: MeSH disease nodes {@code Disease::MESH:D9000dd}, DrugBank
 * compounds {@code Compound::DB900cc} (12 diseases in similar pairs; 24 compounds bind the diseases' genes, the
 * first 12 treat a pair). DB90000 "Zeromab" interacts with DB90001 "Onemab" (DRKG DDI relation).
 */
final class ToyGraph {
    static final String ZEROMAB = "DB90000";
    static final String ONEMAB = "DB90001";
    static final String ZERO_DISEASE = "D900000";

    private ToyGraph() {}

    /** Writes the graph and its names file; returns {graph, names}. */
    static Path[] write(Path dir) throws IOException {
        List<String> t = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            t.add(disease(d) + "\tHetionet::DaG::Disease:Gene\tGene::" + d);
            t.add(disease(d) + "\tHetionet::DaG::Disease:Gene\tGene::" + (d + 1));
            if (d % 2 == 0) {
                t.add(disease(d) + "\tHetionet::DrD::Disease:Disease\t" + disease(d + 1));
            }
        }
        for (int c = 0; c < 24; c++) {
            int d = c % 12;
            t.add(compound(c) + "\tHetionet::CbG::Compound:Gene\tGene::" + d);
            if (c < 12) {
                t.add(compound(c) + "\tHetionet::CtD::Compound:Disease\t" + disease(d));
                t.add(compound(c) + "\tHetionet::CtD::Compound:Disease\t" + disease(d ^ 1));
            }
        }
        t.add("Compound::" + ZEROMAB + "\tDRUGBANK::ddi-interactor-in::Compound:Compound\tCompound::" + ONEMAB);
        Path graph = Files.write(dir.resolve("toy.drkg.tsv"), t);
        Path names = Files.write(dir.resolve("nodes.tsv"), List.of("id\tname\tkind",
                "Compound::" + ZEROMAB + "\tZeromab\tCompound", "Compound::" + ONEMAB + "\tOnemab\tCompound",
                disease(0) + "\tzero disease\tDisease"));
        return new Path[] {graph, names};
    }

    private static String disease(int d) {
        return String.format("Disease::MESH:D9000%02d", d);
    }

    private static String compound(int c) {
        return String.format("Compound::DB900%02d", c);
    }
}
