package io.linkrx.eval.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.linkrx.link.LinkingFeatures;
import io.linkrx.link.RerankerBundle;

/**
 * The evaluation command end to end on a corpus and KB this test writes: it trains the re-ranker, exports it
 * to ONNX, serves it with the real sidecar in this process and reports metrics that must reflect real
 * linking (the ambiguous mentions are only resolvable by what training taught).
 */
class LinkingEvalCommandTest {
    @TempDir
    static Path dir;
    static Path kb;
    static Path train;
    static Path dev;

    /** Concepts with names; "cold" is ambiguous between the disease and the temperature finding. */
    private static final String[][] CONCEPTS = {
        {"D003924", "Disease", "Diabetes Mellitus, Type 2", "type 2 diabetes|NIDDM|adult-onset diabetes"},
        {"D003922", "Disease", "Diabetes Mellitus, Type 1", "type 1 diabetes|IDDM|juvenile diabetes"},
        {"D006973", "Disease", "Hypertension", "high blood pressure|HTN"},
        {"D009203", "Disease", "Myocardial Infarction", "heart attack|MI"},
        {"D001281", "Disease", "Atrial Fibrillation", "AF|auricular fibrillation"},
        {"D003141", "Disease", "Communicable Diseases", "infectious disease"},
        {"D006333", "Disease", "Heart Failure", "cardiac failure|congestive heart failure"},
        {"D007676", "Disease", "Kidney Failure, Chronic", "chronic renal failure|end-stage renal disease"},
        {"D008687", "Chemical", "Metformin", "metformin hydrochloride"},
        {"D007328", "Chemical", "Insulin", "insulin human"},
    };

    /** Mention variants annotators used, with the concept they linked: typos, plurals, word order. */
    private static final String[][] MENTIONS = {
        {"type II diabetes", "D003924"}, {"non-insulin-dependent diabetes", "D003924"},
        {"insulin-dependent diabetes", "D003922"}, {"hypertensive disease", "D006973"},
        {"myocardial infarctions", "D009203"}, {"infarction of the myocardium", "D009203"},
        {"atrial fibrilation", "D001281"}, {"failure of the heart", "D006333"}, {"heart failures", "D006333"},
        {"renal failure, chronic", "D007676"}, {"metformine", "D008687"}, {"insulins", "D007328"},
    };

    @BeforeAll
    static void writeData() throws IOException {
        StringBuilder tsv = new StringBuilder("# version: test-kb-1\n");
        for (String[] c : CONCEPTS) {
            tsv.append(String.join("\t", c[0], "MESH", c[1], c[2], c[3])).append('\n');
        }
        kb = Files.writeString(dir.resolve("kb.tsv"), tsv);
        train = Files.writeString(dir.resolve("train.PubTator"), corpus(40, 1));
        dev = Files.writeString(dir.resolve("dev.PubTator"), corpus(15, 2));
    }

    /** Documents each mentioning three random mention variants in a sentence. */
    private static String corpus(int docs, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int d = 0; d < docs; d++) {
            String id = Long.toString(seed * 1000 + d);
            String title = "Case report " + d + ".";
            StringBuilder text = new StringBuilder("Patient history includes ");
            List<String> lines = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                String[] mention = MENTIONS[random.nextInt(MENTIONS.length)];
                int begin = title.length() + 1 + text.length();
                text.append(mention[0]);
                String type = mention[1].equals("D008687") || mention[1].equals("D007328") ? "Chemical" : "Disease";
                lines.add(id + "\t" + begin + "\t" + (begin + mention[0].length()) + "\t" + mention[0] + "\t" + type
                        + "\t" + mention[1]);
                text.append(m < 2 ? " and " : ".");
            }
            out.append(id).append("|t|").append(title).append('\n');
            out.append(id).append("|a|").append(text).append('\n');
            lines.forEach(l -> out.append(l).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void trainsExportsServesAndScoresGoldMentions() throws IOException {
        Path repo = dir.resolve("models");
        JsonNode result = run("--corpus", dev.toString(), "--kb", kb.toString(), "--train", train.toString(),
                "--model-repo", repo.toString(), "--gold-mentions", "--epochs", "5");

        JsonNode all = result.path("metrics").path("all");
        assertThat(all.path("mentions").asInt()).isEqualTo(45);
        assertThat(all.path("acc@1").asDouble()).as("Acc@1").isGreaterThanOrEqualTo(0.9);
        assertThat(all.path("acc@5").asDouble()).isGreaterThanOrEqualTo(all.path("acc@1").asDouble());
        assertThat(all.path("retrieval").path("recall@all").asDouble()).isEqualTo(1.0);
        assertThat(result.path("metrics").has("Chemical")).isTrue();
        assertThat(result.path("model").asText()).isEqualTo("reranker@1");
        assertThat(result.path("short_forms").asText()).as("as the app links them").isEqualTo("follow");
        Path version = repo.resolve("reranker/1");
        assertThat(version.resolve("model.onnx")).isNotEmptyFile();
        assertThat(RerankerBundle.read(version).features()).isEqualTo(LinkingFeatures.NAMES);
        assertThat(result.path("training").path("mentions").asInt()).isEqualTo(120);
        assertThat(result.path("training").path("model").asText()).as("the default for gold mentions")
                .startsWith("XGBoost");
        JsonNode retrieval = result.path("retrieval");
        assertThat(retrieval.path("retriever").asText()).as("dense candidates by default").contains("dense");
        assertThat(retrieval.path("index").asText()).contains("kb-index").contains("all-minilm-l6-v2-");
        assertThat(retrieval.path("index_built_now").asBoolean()).isTrue();

        JsonNode again = run("--corpus", dev.toString(), "--kb", kb.toString(), "--model-repo", repo.toString());
        assertThat(again.path("retrieval").path("index_built_now").asBoolean()).as("the repository's index is reused")
                .isFalse();
        assertThat(again.path("metrics").path("all").path("acc@1")).isEqualTo(all.path("acc@1"));
    }

    @Test
    void givenBoostedTrees_thenTheSidecarServesTheirOnnxGraphAndTheyLinkAsWell() throws IOException {
        Path repo = dir.resolve("models-trees");
        JsonNode result = run("--corpus", dev.toString(), "--kb", kb.toString(), "--train", train.toString(),
                "--model-repo", repo.toString(), "--model", "trees");

        assertThat(result.path("training").path("model").asText()).startsWith("XGBoost 300 trees");
        assertThat(result.path("model").asText()).isEqualTo("reranker@1");
        assertThat(result.path("metrics").path("all").path("acc@1").asDouble()).as("Acc@1").isGreaterThanOrEqualTo(0.9);
        assertThat(RerankerBundle.read(repo.resolve("reranker/1")).linkColumn()).isZero();
    }

    @Test
    void reusesATrainedModelAndLinksEndToEnd() throws IOException {
        Path repo = dir.resolve("models-e2e");
        run("--corpus", dev.toString(), "--kb", kb.toString(), "--train", train.toString(), "--model-repo",
                repo.toString(), "--epochs", "5");

        Path errors = dir.resolve("e2e-errors.tsv");
        JsonNode result = run("--corpus", dev.toString(), "--kb", kb.toString(), "--model-repo", repo.toString(),
                "--end-to-end", "--errors", errors.toString());

        JsonNode disease = result.path("metrics").path("Disease");
        assertThat(result.path("mode").asText()).isEqualTo("end-to-end");
        assertThat(result.has("tagger")).as("no tagger saved, none trained: the dictionary extracts").isFalse();
        assertThat(disease.path("document_concepts").path("gold").asInt()).isPositive();
        assertThat(disease.path("document_concepts").path("tp").asInt()).isPositive();
        assertThat(disease.path("mention_span").path("precision").asDouble()).isGreaterThan(0.5);
        // the error log holds exactly the document-level misses and spurious concepts the metrics count
        List<String[]> rows = Files.readAllLines(errors).stream().skip(1).map(l -> l.split("\t", -1)).toList();
        for (String type : List.of("Disease", "Chemical")) {
            JsonNode doc = result.path("metrics").path(type).path("document_concepts");
            assertThat(rows.stream().filter(r -> r[1].equals(type) && r[2].equals("missed")).count()).as(type)
                    .isEqualTo(doc.path("gold").asInt() - doc.path("tp").asInt());
            assertThat(rows.stream().filter(r -> r[1].equals(type) && r[2].equals("spurious")).count()).as(type)
                    .isEqualTo(doc.path("predicted").asInt() - doc.path("tp").asInt());
        }
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(8));
    }

    @Test
    void givenATaggerEncoder_thenTheTaggerLearnsFromSidecarTokenVectors_andAReusedTaggerGetsThemFromItsMetadata()
            throws IOException {
        Path repo = dir.resolve("models-vectors");
        JsonNode trained = run("--corpus", dev.toString(), "--kb", kb.toString(), "--train", train.toString(),
                "--model-repo", repo.toString(), "--epochs", "5", "--end-to-end", "--train-tagger",
                "--tagger-encoder", "all-minilm-l6-v2");

        assertThat(trained.path("tagger").path("extractor").asText()).contains("token vectors of all-minilm-l6-v2");
        assertThat(repo.resolve("tagger-encoder/config.pbtxt")).content().contains("spans");
        JsonNode metadata = new ObjectMapper().readTree(repo.resolve("tagger/1/model.crf.json").toFile());
        assertThat(metadata.path("vectors").path("encoder").asText()).isEqualTo("all-minilm-l6-v2");
        assertThat(metadata.path("vectors").path("dimension").asInt()).isEqualTo(384);
        assertThat(trained.path("metrics").path("Disease").path("mention_span").path("f1").asDouble()).isGreaterThan(0.8);

        JsonNode reused = run("--corpus", dev.toString(), "--kb", kb.toString(), "--model-repo", repo.toString(),
                "--end-to-end");
        assertThat(reused.path("tagger").path("model").asText()).endsWith("tagger/1/model.crf");
        for (String type : List.of("Disease", "Chemical")) {
            assertThat(reused.path("metrics").path(type).path("mention_span"))
                    .isEqualTo(trained.path("metrics").path(type).path("mention_span"));
        }
    }

    @Test
    void givenAnotherTrainingCorpusThatHoldsTheEvaluatedDocuments_thenTheyAreLeftOutOfTraining() throws IOException {
        Path repo = dir.resolve("models-overlap");
        Path reannotated = Files.copy(dev, dir.resolve("other-corpus-with-the-dev-abstracts.PubTator"));
        JsonNode result = run("--corpus", dev.toString(), "--kb", kb.toString(), "--train", train.toString(),
                "--train", reannotated.toString(), "--model-repo", repo.toString(), "--epochs", "5", "--end-to-end",
                "--tagger-seed", "7");

        JsonNode training = result.path("training");
        assertThat(training.path("documents").asInt()).isEqualTo(40);
        assertThat(training.path("documents_also_in_corpus_left_out").asInt()).isEqualTo(15);
        assertThat(training.path("mentions").asInt()).isEqualTo(120); // the 40 training documents' alone
        JsonNode metadata = new ObjectMapper().readTree(repo.resolve("tagger/1/model.crf.json").toFile());
        assertThat(metadata.path("trainingFiles").findValuesAsText("documents")).containsExactly("40", "0");
        assertThat(metadata.path("training").path("seed").asLong()).isEqualTo(7);
        assertThat(result.path("tagger").path("model").asText()).as("--train trains the tagger end to end")
                .endsWith("tagger/1/model.crf");
        assertThat(training.path("model").asText()).as("the default end to end").contains("FACTORIZATION_MACHINE");
    }

    @Test
    void givenTheEvaluatedCorpusItselfAsTrainingCorpus_thenItIsTrainedOnAsGiven() throws IOException {
        JsonNode result = run("--corpus", dev.toString(), "--kb", kb.toString(), "--train", dev.toString(),
                "--model-repo", dir.resolve("models-fit").toString(), "--epochs", "5");

        assertThat(result.path("training").path("documents").asInt()).isEqualTo(15);
        assertThat(result.path("training").path("documents_also_in_corpus_left_out").asInt()).isZero();
    }

    @Test
    void givenAWarmUpCorpusThenItIsLinkedUntimedAndTheTimedPassStartsWithAnEmptyRetrievalCache() throws IOException {
        Path repo = dir.resolve("models-warm");
        run("--corpus", dev.toString(), "--kb", kb.toString(), "--train", train.toString(), "--model-repo",
                repo.toString(), "--epochs", "5");

        JsonNode cold = run("--corpus", dev.toString(), "--kb", kb.toString(), "--model-repo", repo.toString());
        JsonNode warm = run("--corpus", dev.toString(), "--kb", kb.toString(), "--model-repo", repo.toString(),
                "--warmup", train.toString());

        assertThat(warm.path("warmup").path("corpus").asText()).isEqualTo(train.toString());
        assertThat(warm.path("warmup").path("mentions_per_second").asDouble()).isPositive();
        // the same strings are retrieved as without the warm-up: nothing the warm-up cached is served
        assertThat(warm.path("kb_retrieval_cache_in_this_pass")).isEqualTo(cold.path("kb_retrieval_cache_in_this_pass"));
        assertThat(warm.path("kb_retrieval_cache_in_this_pass").path("misses").asInt()).isPositive();
        assertThat(warm.path("metrics").path("all").path("acc@1")).isEqualTo(cold.path("metrics").path("all").path("acc@1"));
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LinkingEvalCommand.run(new String[] {"--corpus", dev.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--kb");
        ByteArrayOutputStream badChoice = new ByteArrayOutputStream();
        assertThat(LinkingEvalCommand.run(new String[] {"--corpus", dev.toString(), "--kb", kb.toString(),
                "--short-forms", "sometimes"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(badChoice, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(badChoice.toString(StandardCharsets.UTF_8)).contains("--short-forms is follow or own, not sometimes");
    }

    private static JsonNode run(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = LinkingEvalCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
