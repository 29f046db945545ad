package io.linkrx.teacher.bridge.openai;

import java.util.List;

import io.linkrx.teacher.SynthesisQuestion;

/** The SynCABEL-style prompt for synthetic example sentences of a concept. */
final class SynthesisPrompt {
    static final String SYSTEM = """
            You write realistic sentences as they appear in clinical notes (history, findings, assessment, plan), \
            to train a model that links medical mentions to vocabulary concepts. Every sentence must use one of the \
            given names of the concept verbatim (any letter case). Vary the names, the note sections and the \
            assertions (present, negated, historical, family). Never include patient names, dates, ages, places \
            or identifiers. Answer with JSON only, no other text: {"sentences": ["...", "..."]}""";

    private SynthesisPrompt() {
    }

    static List<ChatClient.Message> messages(SynthesisQuestion q) {
        StringBuilder sb = new StringBuilder();
        sb.append("Concept: ").append(q.conceptId());
        if (q.vocabulary() != null && !q.vocabulary().isBlank()) {
            sb.append(" (").append(q.vocabulary()).append(')');
        }
        sb.append('\n');
        if (q.semanticType() != null && !q.semanticType().isBlank()) {
            sb.append("Semantic type: ").append(q.semanticType()).append('\n');
        }
        sb.append("Names:\n");
        q.names().forEach(n -> sb.append("- ").append(n).append('\n'));
        sb.append("Write ").append(q.count()).append(" short sentences, each using one of these names verbatim.");
        return List.of(new ChatClient.Message("system", SYSTEM), new ChatClient.Message("user", sb.toString()));
    }

    static String correction(String problem, List<String> names) {
        return "Your answer was not valid: " + problem + ". Answer again with JSON only: {\"sentences\": [...]}, "
                + "every sentence using one of these names verbatim: " + String.join("; ", names) + ".";
    }
}
