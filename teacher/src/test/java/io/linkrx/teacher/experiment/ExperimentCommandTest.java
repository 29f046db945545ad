package io.linkrx.teacher.experiment;

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

/**
 * {@code eval teacher-loop} end to end on a corpus and KB this test writes: real training, real linking,
 * the simulated teacher answering from the written gold annotations.
 */
class ExperimentCommandTest {
    @TempDir
    static Path dir;
    static Path kb;
    static Path train;
    static Path dev;

    private static final String[][] CONCEPTS = {
        {"D003924", "Disease", "Diabetes Mellitus, Type 2", "type 2 diabetes|NIDDM|adult-onset diabetes"},
        {"D003922", "Disease", "Diabetes Mellitus, Type 1", "type 1 diabetes|IDDM|juvenile diabetes"},
        {"D006973", "Disease", "Hypertension", "high blood pressure|HTN"},
        {"D009203", "Disease", "Myocardial Infarction", "heart attack|MI"},
        {"D001281", "Disease", "Atrial Fibrillation", "AF|auricular fibrillation"},
        {"D006333", "Disease", "Heart Failure", "cardiac failure|congestive heart failure"},
        {"D007676", "Disease", "Kidney Failure, Chronic", "chronic renal failure|end-stage renal disease"},
        {"D003141", "Disease", "Communicable Diseases", "infectious disease"},
    };

    /** Mention variants annotators used, with the concept they linked: typos, plurals, word order. */
    private static final String[][] MENTIONS = {
        {"type II diabetes", "D003924"}, {"non-insulin-dependent diabetes", "D003924"}, {"diabetes type 2", "D003924"},
        {"insulin-dependent diabetes", "D003922"}, {"diabetes of childhood", "D003922"},
        {"hypertensive disease", "D006973"}, {"raised blood pressure", "D006973"},
        {"myocardial infarctions", "D009203"}, {"infarction of the myocardium", "D009203"},
        {"cardiac infarct", "D009203"}, {"atrial fibrilation", "D001281"}, {"fibrillation of the atria", "D001281"},
        {"failure of the heart", "D006333"}, {"heart failures", "D006333"}, {"cardiac insufficiency", "D006333"},
        {"renal failure, chronic", "D007676"}, {"chronic kidney failure", "D007676"}, {"infections", "D003141"},
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

    @Test
    void everyBudgetGetsARowAndRoutedAndRandomRunsDifferOnlyInSelection() throws IOException {
        JsonNode result = run("--corpus", train.toString(), "--dev", dev.toString(), "--kb", kb.toString(),
                "--seed-docs", "4", "--budgets", "0,4,8", "--strategy", "both", "--synthetic", "off",
                "--epochs", "3", "--batch", "4");

        JsonNode rows = result.path("rows");
        assertThat(result.path("seed_documents").asInt()).isEqualTo(4);
        assertThat(result.path("pool_mentions").asInt()).isEqualTo(36 * 3);
        assertThat(rows).hasSize(6);
        assertThat(rows).extracting(r -> r.path("strategy").asText() + "@" + r.path("budget").asInt())
                .containsExactly("routed@0", "routed@4", "routed@8", "random@0", "random@4", "random@8");
        for (JsonNode r : rows) {
            assertThat(r.path("asked").asInt()).isEqualTo(r.path("budget").asInt());
            assertThat(r.path("labels").asInt() + r.path("nil_answers").asInt()).isEqualTo(r.path("asked").asInt());
            assertThat(r.path("dev_acc@1").asDouble()).isBetween(0.0, 1.0);
            assertThat(r.path("dev_acc@5").asDouble()).isGreaterThanOrEqualTo(r.path("dev_acc@1").asDouble());
        }
        // the same seed student before any teacher label: only the choice of mentions differs between runs
        assertThat(rows.get(3).path("dev_acc@1").asDouble()).isEqualTo(rows.get(0).path("dev_acc@1").asDouble());
        assertThat(rows.get(3).path("training_mentions").asInt()).isEqualTo(rows.get(0).path("training_mentions").asInt());
        // teacher labels are trained on
        assertThat(rows.get(2).path("training_mentions").asInt())
                .isEqualTo(rows.get(0).path("training_mentions").asInt() + rows.get(2).path("labels").asInt());
        assertThat(rows.get(1).path("step_routed_uncertain").asInt()).isLessThanOrEqualTo(4);
        assertThat(rows.get(4).path("step_routed_uncertain").asInt()).isZero();
    }

    @Test
    void syntheticExamplesCoverConceptsNoLabelCovers() throws IOException {
        JsonNode result = run("--corpus", train.toString(), "--dev", dev.toString(), "--kb", kb.toString(),
                "--seed-docs", "1", "--budgets", "0", "--strategy", "random", "--synthetic", "on", "--epochs", "3");

        JsonNode row = result.path("rows").get(0);
        assertThat(row.path("synthetic").asBoolean()).isTrue();
        assertThat(row.path("synthetic_examples").asInt()).isPositive();
        assertThat(row.path("training_mentions").asInt())
                .isEqualTo(result.path("seed_mentions").asInt() + row.path("synthetic_examples").asInt());
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExperimentCommand.run(new String[] {"--corpus", train.toString(), "--budgets", "0,100,50"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--budgets must be increasing");
    }

    private static JsonNode run(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        int code = ExperimentCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("| strategy | synthetic |");
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
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
                lines.add(id + "\t" + begin + "\t" + (begin + mention[0].length()) + "\t" + mention[0]
                        + "\tDisease\t" + mention[1]);
                text.append(m < 2 ? " and " : ".");
            }
            out.append(id).append("|t|").append(title).append('\n');
            out.append(id).append("|a|").append(text).append('\n');
            lines.forEach(l -> out.append(l).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }
}
