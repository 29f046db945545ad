package io.linkrx.app.teacher;

import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.config.Setting;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.route.MeshSubtrees;
import io.linkrx.route.PhiMinimizer;
import io.linkrx.route.UncertaintyRouter;
import io.linkrx.stage.ContextWindow;
import java.util.Objects;

/**
 * Everything that decides which mentions reach the teacher, built from configuration: the uncertainty router and
 * the PHI-minimised context window (used by the re-rank stage), and the request gate's settings with the MeSH
 * subtrees of the linking KB (used by the topology).
 */
public record TeacherRouting(UncertaintyRouter router, ContextWindow context, TeacherGateSettings gate,
                             MeshSubtrees subtrees) {
    public TeacherRouting {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(subtrees, "subtrees");
    }

    public static TeacherRouting fromConfig(LinkrxConfig config, KnowledgeBase kb) {
        int contextChars = config.getInt(Setting.TEACHER_CONTEXT_CHARS);
        if (contextChars < 0) {
            throw new IllegalArgumentException(Setting.TEACHER_CONTEXT_CHARS.key() + " must be at least 0, was " + contextChars);
        }
        return new TeacherRouting(
                new UncertaintyRouter(config.getDouble(Setting.TEACHER_MIN_SCORE), config.getDouble(Setting.TEACHER_MIN_MARGIN),
                        UncertaintyRouter.signals(config.get(Setting.TEACHER_SIGNALS))),
                new ContextWindow(contextChars, PhiMinimizer.parse(config.get(Setting.TEACHER_REDACT))),
                TeacherGateSettings.fromConfig(config),
                new MeshSubtrees(kb));
    }
}
