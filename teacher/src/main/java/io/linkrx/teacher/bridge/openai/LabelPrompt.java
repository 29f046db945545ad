package io.linkrx.teacher.bridge.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.linkrx.teacher.CandidateOption;
import io.linkrx.teacher.LabelQuestion;

/**
 * The RPDR-style few-shot prompt for a label: system instructions, three fixed worked examples (a clear choice
 * against the student's favourite, an everyday word, and a NIL because the right concept is not offered), then the
 * mention marked in its context with the numbered candidates (id, name, student score).
 */
final class LabelPrompt {
    static final String NIL = "NIL";

    static final String SYSTEM = """
            You are an expert clinical terminologist. You link a mention in a clinical note to a concept of a \
            medical vocabulary (MeSH, DrugBank). You get the mention, its context with the mention between \
            [[ and ]], and numbered candidate concepts with the scores a smaller student model gave them. The \
            scores are hints and may be wrong. Choose the candidate the mention refers to in this context, or \
            NIL when none of the candidates is what the mention means. Never invent an id that is not a \
            candidate's. Parts of the context may be redacted as [NAME], [DATE], [ID] or [NUMBER].
            Answer with JSON only, no other text: {"concept_id": "<one of the candidate ids, or NIL>", \
            "rationale": "<one short sentence>"}""";

    /** Added to {@link #SYSTEM} when the teacher may name a concept that is not a candidate. */
    static final String NAMING = """
             When none of the candidates is right but you know the concept the mention means, answer NIL and give \
            that concept's preferred name in the vocabulary as concept_name (it is looked up there; leave it out \
            when unsure): {"concept_id": "NIL", "concept_name": "<name>", "rationale": "<one short sentence>"}""";

    /** The third example's answer when naming is allowed: the concept the example says is missing. */
    private static final String NAMED_ANSWER = "{\"concept_id\": \"NIL\", \"concept_name\": \"Sprains and Strains\","
            + " \"rationale\": \"An acute ligament injury is neither arthritis; it is a sprain, which is not offered.\"}";

    private record Example(String question, String answer) {
    }

    private static final List<Example> EXAMPLES = List.of(
            new Example(question("MI", "Disease",
                    "Admitted with crushing chest pain; troponin rose and an acute [[MI]] was diagnosed.",
                    List.of(new CandidateOption("D008944", "MESH", "Mitral Valve Insufficiency", 0.46),
                            new CandidateOption("D009203", "MESH", "Myocardial Infarction", 0.41),
                            new CandidateOption("D008881", "MESH", "Migraine Disorders", 0.05))),
                    "{\"concept_id\": \"D009203\", \"rationale\": \"Chest pain with a troponin rise means myocardial"
                            + " infarction here, not mitral insufficiency.\"}"),
            new Example(question("cold", "Disease",
                    "She has had a [[cold]] with cough and rhinorrhea for three days.",
                    List.of(new CandidateOption("D003080", "MESH", "Cold Temperature", 0.52),
                            new CandidateOption("D003139", "MESH", "Common Cold", 0.38))),
                    "{\"concept_id\": \"D003139\", \"rationale\": \"Cough and rhinorrhea describe the viral illness,"
                            + " not a temperature.\"}"),
            new Example(question("ankle sprain", "Disease",
                    "Twisted her foot playing tennis on [DATE]; exam consistent with a right [[ankle sprain]].",
                    List.of(new CandidateOption("D001172", "MESH", "Arthritis, Rheumatoid", 0.22),
                            new CandidateOption("D010003", "MESH", "Osteoarthritis", 0.19))),
                    "{\"concept_id\": \"NIL\", \"rationale\": \"An acute ligament injury is neither arthritis;"
                            + " the right concept (Sprains and Strains) is not offered.\"}"));

    private LabelPrompt() {
    }

    static List<ChatClient.Message> messages(LabelQuestion q) {
        return messages(q, false);
    }

    /** @param naming whether the teacher may name a concept that is not among the candidates */
    static List<ChatClient.Message> messages(LabelQuestion q, boolean naming) {
        List<ChatClient.Message> out = new ArrayList<>();
        out.add(new ChatClient.Message("system", naming ? SYSTEM + NAMING : SYSTEM));
        for (int i = 0; i < EXAMPLES.size(); i++) {
            Example e = EXAMPLES.get(i);
            out.add(new ChatClient.Message("user", e.question()));
            boolean missing = i == EXAMPLES.size() - 1;
            out.add(new ChatClient.Message("assistant", naming && missing ? NAMED_ANSWER : e.answer()));
        }
        out.add(new ChatClient.Message("user", question(q.mentionText(), q.semanticType(), markedContext(q),
                q.candidates())));
        return out;
    }

    /** The corrective turn after an invalid answer: what was wrong and which ids are allowed. */
    static String correction(String problem, List<CandidateOption> candidates) {
        List<String> ids = new ArrayList<>();
        candidates.forEach(c -> ids.add(c.conceptId()));
        ids.add(NIL);
        return "Your answer was not valid: " + problem + ". Answer again with JSON only: {\"concept_id\": ..., "
                + "\"rationale\": ...} where concept_id is exactly one of " + String.join(", ", ids) + ".";
    }

    private static String question(String mention, String type, String context, List<CandidateOption> candidates) {
        StringBuilder sb = new StringBuilder();
        sb.append("Mention: ").append(mention).append('\n');
        if (type != null && !type.isBlank()) {
            sb.append("Semantic type: ").append(type).append('\n');
        }
        sb.append("Context: ").append(context).append('\n');
        sb.append("Candidates:\n");
        for (int i = 0; i < candidates.size(); i++) {
            CandidateOption c = candidates.get(i);
            sb.append(i + 1).append(". ").append(c.conceptId()).append(" | ").append(c.name())
                    .append(" | student score ").append(String.format(Locale.ROOT, "%.2f", c.studentScore()))
                    .append('\n');
        }
        sb.append("Answer with JSON only.");
        return sb.toString();
    }

    /** The context with the mention between [[ and ]]; the mention alone when there is no usable context. */
    static String markedContext(LabelQuestion q) {
        String ctx = q.context() == null ? "" : q.context();
        int at = q.mentionOffsetInContext();
        int end = at + q.mentionText().length();
        if (at >= 0 && end <= ctx.length() && ctx.startsWith(q.mentionText(), at)) {
            return ctx.substring(0, at) + "[[" + q.mentionText() + "]]" + ctx.substring(end);
        }
        return ctx.isBlank() ? "[[" + q.mentionText() + "]]" : ctx + " (mention: [[" + q.mentionText() + "]])";
    }
}
