package io.linkrx.launcher.demo;

import io.linkrx.schema.DrugRecommendation;
import io.linkrx.schema.DrugRecommendations;
import io.linkrx.schema.ExplanationPath;
import io.linkrx.schema.SafetyWarning;
import java.util.Locale;

/** One note's drug recommendations: drug, score, conditions, its best path (one) and any warnings. */
final class RecommendationTable {
    private RecommendationTable() {}

    static String render(DrugRecommendations rec) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("  Recommendations for %s (model %s, KB %s):%n", rec.getNoteId(),
                rec.getProvenance().getModelVersion(), rec.getProvenance().getKbVersion()));
        if (rec.getRecommendations().isEmpty()) {
            out.append("    (none: no present condition of this note reaches the graph)\n");
        }
        int rank = 1;
        for (DrugRecommendation r : rec.getRecommendations()) {
            out.append(String.format(Locale.ROOT, "    %d. %s (%s)  score %.3f  for %s%n", rank++, r.getDrugName(),
                    r.getDrugId(), r.getScore(), String.join(", ", r.getForConditions())));
            if (!r.getPaths().isEmpty()) {
                ExplanationPath p = r.getPaths().get(0);
                out.append("       path [").append(p.getMetapath()).append("]: ").append(describe(p)).append('\n');
                if (p.getNote() != null) {
                    out.append("       note: ").append(p.getNote()).append('\n');
                }
            }
            for (SafetyWarning w : r.getWarnings()) {
                out.append("       WARNING ").append(w.getKind()).append(": ").append(w.getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    private static String describe(ExplanationPath p) {
        StringBuilder sb = new StringBuilder(p.getNodes().get(0).getName());
        for (int i = 0; i < p.getRelations().size(); i++) {
            sb.append(" -").append(p.getRelations().get(i)).append("- ").append(p.getNodes().get(i + 1).getName());
        }
        return sb.toString();
    }
}
