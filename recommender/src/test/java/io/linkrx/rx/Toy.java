package io.linkrx.rx;

import java.nio.file.Files;
import java.nio.file.Path;

import io.linkrx.kg.KgLoader;
import io.linkrx.kg.KnowledgeGraph;

/** Small hand-made DRKG-format graphs for tests. */
final class Toy {
    private Toy() {}

    static KnowledgeGraph graph(Path dir, String... triples) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String t : triples) {
            String[] p = t.split(" ");
            sb.append(p[0]).append('\t').append(rel(p[1])).append('\t').append(p[2]).append('\n');
        }
        Path f = Files.writeString(Files.createTempFile(dir, "toy", ".tsv"), sb.toString());
        return new KgLoader().load(f);
    }

    static String rel(String abbrev) {
        return switch (abbrev) {
            case "CbG" -> "Hetionet::CbG::Compound:Gene";
            case "DaG" -> "Hetionet::DaG::Disease:Gene";
            case "CtD" -> "Hetionet::CtD::Compound:Disease";
            case "DrD" -> "Hetionet::DrD::Disease:Disease";
            case "CrC" -> "Hetionet::CrC::Compound:Compound";
            case "CpD" -> "Hetionet::CpD::Compound:Disease";
            default -> throw new IllegalArgumentException(abbrev);
        };
    }
}
