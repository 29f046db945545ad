package io.linkrx.rx.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.kg.KgLoader;
import io.linkrx.kg.KnowledgeGraph;

class BridgeTest {
    @TempDir Path dir;

    @Test
    void meshToDiseaseNodesDirectXrefAndRollUp() throws Exception {
        KnowledgeGraph kg = new KgLoader().load(Files.writeString(dir.resolve("kg.tsv"),
                "Compound::DB00001\tHetionet::CtD::Compound:Disease\tDisease::DOID:1\n"
                        + "Compound::DB00001\tDRUGBANK::treats::Compound:Disease\tDisease::MESH:D000009\n"));
        Path toMesh = Files.writeString(dir.resolve("do2mesh.tsv"),
                "doid_code\tdoid_name\tmesh_id\tmesh_name\nDOID:1\tparent disease\tD000001\tParent Disease\n");
        Path tree = Files.writeString(dir.resolve("tree.tsv"), "mesh_id\tmesh_name\tmesh_tree_number\n"
                + "D000001\tParent Disease\tC01.100\n"
                + "D000002\tChild Disease\tC01.100.200\n"
                + "D000003\tGrandchild Disease\tC01.100.200.300\n"
                + "D000004\tUnrelated\tC02.100\n");
        DiseaseBridge b = new DiseaseBridge(kg, toMesh, null, tree);
        assertThat(b.resolve("D000009").orElseThrow().via()).isEqualTo(DiseaseBridge.Via.DIRECT);
        var x = b.resolve("MESH:D000001").orElseThrow();
        assertThat(x.via()).isEqualTo(DiseaseBridge.Via.XREF);
        assertThat(x.nodeId()).isEqualTo("Disease::DOID:1");
        var r = b.resolve("D000003").orElseThrow();
        assertThat(r.via()).isEqualTo(DiseaseBridge.Via.ROLLUP);
        assertThat(r.levelsUp()).isEqualTo(2);
        assertThat(r.ancestorMeshId()).isEqualTo("D000001");
        assertThat(r.nodeId()).isEqualTo("Disease::DOID:1");
        assertThat(r.note()).contains("Grandchild Disease").contains("rolled up 2 levels").contains("Parent Disease");
        assertThat(b.resolve("D000004")).isEmpty();
    }

    @Test
    void drugbankVocabularyNamesSynonymsAndUnii() throws Exception {
        Path csv = Files.writeString(dir.resolve("vocab.csv"),
                "DrugBank ID,Accession Numbers,Common name,CAS,UNII,Synonyms,Standard InChI Key\n"
                        + "DB00331,APRD01099,Metformin,657-24-9,9100L32L2N,\"1,1-Dimethylbiguanide | Metformina\",XZ\n"
                        + "DB00945,APRD00264,Acetylsalicylic acid,50-78-2,R16CO5Y76E,Aspirin | Shared,BS\n"
                        + "DB00316,APRD00252,Acetaminophen,103-90-2,362O9ITL9D,Paracetamol | Shared,RZ\n");
        CompoundBridge c = CompoundBridge.fromCsv(csv);
        assertThat(c.resolve("metformin")).contains("Compound::DB00331");
        assertThat(c.resolve("1,1-Dimethylbiguanide")).contains("Compound::DB00331");
        assertThat(c.resolve("R16CO5Y76E")).contains("Compound::DB00945");
        assertThat(c.resolve("Aspirin")).contains("Compound::DB00945");
        assertThat(c.resolve("Shared")).isEmpty(); // ambiguous synonym
        assertThat(c.resolve("DB00316")).contains("Compound::DB00316");
        assertThat(c.name("Compound::DB00316")).contains("Acetaminophen");
    }
}
