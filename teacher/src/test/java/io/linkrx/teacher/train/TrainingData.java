package io.linkrx.teacher.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A tiny knowledge base (linkrx TSV) and PubTator corpora written by the tests: human documents use variants the
 * KB's names reach; the dev corpus also uses abbreviations and brand names that only a label can teach.
 */
final class TrainingData {
    static final String[][] CONCEPTS = {
        {"D003924", "Disease", "Diabetes Mellitus, Type 2", "type 2 diabetes|NIDDM|adult-onset diabetes"},
        {"D003922", "Disease", "Diabetes Mellitus, Type 1", "type 1 diabetes|IDDM|juvenile diabetes"},
        {"D006973", "Disease", "Hypertension", "high blood pressure|HTN"},
        {"D009203", "Disease", "Myocardial Infarction", "heart attack|MI"},
        {"D001281", "Disease", "Atrial Fibrillation", "AF|auricular fibrillation"},
        {"D006333", "Disease", "Heart Failure", "cardiac failure|congestive heart failure"},
        {"D007676", "Disease", "Kidney Failure, Chronic", "chronic renal failure|end-stage renal disease"},
        {"D008687", "Chemical", "Metformin", "metformin hydrochloride"},
    };

    /** Variants the KB's names retrieve well. */
    static final String[][] EASY = {
        {"type II diabetes", "D003924"}, {"insulin-dependent diabetes", "D003922"}, {"hypertensive disease", "D006973"},
        {"myocardial infarctions", "D009203"}, {"atrial fibrilation", "D001281"}, {"heart failures", "D006333"},
        {"renal failure, chronic", "D007676"}, {"metformine", "D008687"},
    };

    /** Abbreviations and brand names no KB name resembles: only labels teach them. */
    static final String[][] HARD = {
        {"T2DM", "D003924"}, {"STEMI", "D009203"}, {"afib", "D001281"}, {"CKD", "D007676"}, {"Glucophage", "D008687"},
    };

    private TrainingData() {
    }

    static Path kb(Path dir) throws IOException {
        StringBuilder tsv = new StringBuilder("# version: trainer-test-kb-1\n");
        for (String[] c : CONCEPTS) {
            tsv.append(String.join("\t", c[0], "MESH", c[1], c[2], c[3])).append('\n');
        }
        return Files.writeString(dir.resolve("kb.tsv"), tsv);
    }

    static String type(String conceptId) {
        return conceptId.equals("D008687") ? "Chemical" : "Disease";
    }

    /** Documents each naming three mentions drawn from the variants, in a sentence. */
    static Path corpus(Path file, int docs, long seed, String[][] variants) throws IOException {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int d = 0; d < docs; d++) {
            String id = Long.toString(seed * 1000 + d);
            String title = "Case report " + d + ".";
            StringBuilder text = new StringBuilder("Patient history includes ");
            List<String> lines = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                String[] mention = variants[random.nextInt(variants.length)];
                int begin = title.length() + 1 + text.length();
                text.append(mention[0]);
                lines.add(id + "\t" + begin + "\t" + (begin + mention[0].length()) + "\t" + mention[0] + "\t"
                        + type(mention[1]) + "\t" + mention[1]);
                text.append(m < 2 ? " and " : ".");
            }
            out.append(id).append("|t|").append(title).append('\n');
            out.append(id).append("|a|").append(text).append('\n');
            lines.forEach(l -> out.append(l).append('\n'));
            out.append('\n');
        }
        return Files.writeString(file, out);
    }

    /** A label as the bridge stores it: the mention in a short context of its own note. */
    static StoredLabel label(String requestId, String noteId, String mention, String conceptId, String source,
                             long labeledAt) {
        String context = "Seen today for " + mention + ", stable.";
        return new StoredLabel(requestId, noteId, mention, type(conceptId), conceptId, "MESH", source,
                "test-teacher", context, "Seen today for ".length(), labeledAt);
    }

    static String[][] concat(String[][] a, String[][] b) {
        String[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
