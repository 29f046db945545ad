package io.linkrx.rx.note;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small DRKG-format graph with MeSH disease nodes ({@code Disease::MESH:D9000dd}) and DrugBank compounds
 * ({@code Compound::DB900cc}): 12 diseases in similar pairs, 24 compounds that bind the diseases' genes, the first
 * 12 treating a pair; DB90000 and DB90012 interact with DB90001 (DRKG DDI), DB90012 has D900000 as an adverse
 * event (GNBR Sa). MeSH tree: D999999 (no node) sits under D900000.
 */
final class ToyRxFiles {
    static final String DDI = "DRUGBANK::ddi-interactor-in::Compound:Compound";

    private ToyRxFiles() {}

    static RxFiles write(Path dir) throws IOException {
        List<String> t = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            t.add(triple(disease(d), "Hetionet::DaG::Disease:Gene", "Gene::" + d));
            t.add(triple(disease(d), "Hetionet::DaG::Disease:Gene", "Gene::" + (d + 1)));
            if (d % 2 == 0) {
                t.add(triple(disease(d), "Hetionet::DrD::Disease:Disease", disease(d + 1)));
            }
        }
        for (int c = 0; c < 24; c++) {
            int d = c % 12;
            t.add(triple(compound(c), "Hetionet::CbG::Compound:Gene", "Gene::" + d));
            if (c < 12) {
                t.add(triple(compound(c), "Hetionet::CtD::Compound:Disease", disease(d)));
                t.add(triple(compound(c), "Hetionet::CtD::Compound:Disease", disease(d ^ 1)));
            }
        }
        t.add(triple(compound(0), DDI, compound(1)));
        t.add(triple(compound(1), DDI, compound(12)));
        t.add(triple(compound(12), "GNBR::Sa::Compound:Disease", disease(0)));
        Path kg = Files.write(dir.resolve("toy.drkg.tsv"), t);
        Path names = Files.write(dir.resolve("nodes.tsv"), List.of("id\tname\tkind",
                compound(0) + "\tZeromab\tCompound", compound(1) + "\tOnemab\tCompound", disease(0) + "\tzero disease\tDisease"));
        Path tree = Files.write(dir.resolve("mesh-tree.tsv"), List.of("mesh_id\tmesh_name\tmesh_tree_number",
                "D900000\tzero disease\tC99.001", "D999999\tzero disease, late onset\tC99.001.005"));
        return new RxFiles(kg, null, names, tree, null, null, null);
    }

    static String disease(int d) {
        return String.format("Disease::MESH:D9000%02d", d);
    }

    static String compound(int c) {
        return String.format("Compound::DB900%02d", c);
    }

    private static String triple(String h, String r, String t) {
        return h + "\t" + r + "\t" + t;
    }
}
