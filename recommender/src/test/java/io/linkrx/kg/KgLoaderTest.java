package io.linkrx.kg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KgLoaderTest {
    static final String TRIPLES = String.join("\n",
            "Compound::DB00001\tHetionet::CbG::Compound:Gene\tGene::2",
            "Compound::DB00001\tHetionet::CbG::Compound:Gene\tGene::1",
            "Compound::DB00002\tHetionet::CbG::Compound:Gene\tGene::1",
            "",
            "Compound::DB00001\tHetionet::CbG::Compound:Gene\tGene::1",
            "Compound::DB00001\tHetionet::CtD::Compound:Disease\tDisease::DOID:1") + "\n";

    @TempDir Path dir;

    @Test
    void loadsGzipByMagicBytesAndBuildsSortedCsrBothWays() throws Exception {
        Path f = dir.resolve("kg.tsv"); // no .gz suffix: detection is by content
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write(TRIPLES.getBytes(StandardCharsets.UTF_8));
        }
        KnowledgeGraph kg = new KgLoader().load(f);
        assertThat(kg.entityCount()).isEqualTo(5);
        assertThat(kg.edgeCount()).isEqualTo(4); // the duplicate triple is kept once
        int cbg = kg.relation("Hetionet::CbG::Compound:Gene").orElseThrow().index();
        int c1 = kg.entity("Compound::DB00001");
        int g1 = kg.entity("Gene::1");
        int g2 = kg.entity("Gene::2");
        assertThat(kg.outNeighbours(cbg, c1)).containsExactly(Math.min(g1, g2), Math.max(g1, g2));
        assertThat(kg.inNeighbours(cbg, g1)).containsExactlyInAnyOrder(c1, kg.entity("Compound::DB00002"));
        assertThat(kg.outDegree(cbg, c1)).isEqualTo(2);
        assertThat(kg.inDegree(cbg, g2)).isEqualTo(1);
        assertThat(kg.hasEdge(cbg, c1, g2)).isTrue();
        assertThat(kg.hasEdge(cbg, g2, c1)).isFalse();
        assertThat(kg.entityType(g1)).isEqualTo("Gene");
        Relation ctd = kg.relationByType("CtD").orElseThrow();
        assertThat(ctd.source()).isEqualTo("Hetionet");
        assertThat(ctd.headType()).isEqualTo("Compound");
        assertThat(ctd.tailType()).isEqualTo("Disease");
        assertThat(kg.entitiesOfType("Compound")).hasSize(2);
    }

    @Test
    void plainTextWithGlossary() throws Exception {
        Path f = Files.writeString(dir.resolve("kg.tsv"), TRIPLES);
        Path g = Files.writeString(dir.resolve("glossary.tsv"),
                "Relation-name\tData-source\tConnected entity-types\tInteraction-type\tDescription\tReference\n"
                        + "Hetionet::CtD::Compound:Disease\tHetionet\tCompound:Disease\ttreats\tCompound treats the disease\tx\n");
        KnowledgeGraph kg = new KgLoader().glossary(g).load(f);
        assertThat(kg.relationByType("CtD").orElseThrow().description()).isEqualTo("Compound treats the disease");
        assertThat(kg.relationByType("CbG").orElseThrow().description()).isEmpty();
    }

    @Test
    void malformedLinesNameTheLine() throws Exception {
        Path twoFields = Files.writeString(dir.resolve("a.tsv"), TRIPLES + "Gene::1\tHetionet::GiG::Gene:Gene\n");
        assertThatThrownBy(() -> new KgLoader().load(twoFields))
                .isInstanceOf(KgFormatException.class).hasMessageContaining("a.tsv:7:")
                .satisfies(e -> assertThat(((KgFormatException) e).line()).isEqualTo(7));
        Path badEntity = Files.writeString(dir.resolve("b.tsv"), "DB00001\tHetionet::CbG::Compound:Gene\tGene::1\n");
        assertThatThrownBy(() -> new KgLoader().load(badEntity))
                .isInstanceOf(KgFormatException.class).hasMessageContaining("b.tsv:1:").hasMessageContaining("Type::id");
        Path badRelation = Files.writeString(dir.resolve("c.tsv"), TRIPLES + "Gene::1\tbinds\tGene::2\n");
        assertThatThrownBy(() -> new KgLoader().load(badRelation))
                .isInstanceOf(KgFormatException.class).hasMessageContaining("c.tsv:7:")
                .hasMessageContaining("SOURCE::type::HeadType:TailType");
    }
}
