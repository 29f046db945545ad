package io.linkrx.teacher.bridge.simulated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBases;
import io.linkrx.teacher.Teacher;
import io.linkrx.teacher.bridge.ConceptNameLookup;
import io.linkrx.teacher.TeacherProvider;
import io.linkrx.teacher.bridge.TeacherSetting;

/** Provider {@code simulated}: a {@link SimulatedTeacher} over {@code linkrx.teacher.simulated.corpus}. */
public final class SimulatedTeacherProvider implements TeacherProvider {
    public static final String NAME = "simulated";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Teacher create(Map<String, String> settings) {
        String corpus = settings.getOrDefault(TeacherSetting.SIMULATED_CORPUS.key(), "").strip();
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException(TeacherSetting.SIMULATED_CORPUS.key()
                    + " must name a gold PubTator corpus for the simulated teacher");
        }
        Path file = Path.of(corpus);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(TeacherSetting.SIMULATED_CORPUS.key() + ": no such file " + file);
        }
        String kbSpecs = settings.getOrDefault(TeacherSetting.SIMULATED_KB.key(), "").strip();
        KnowledgeBase kb = kbSpecs.isEmpty() ? null : KnowledgeBases.load(kbSpecs);
        return SimulatedTeacher.fromFile(file, kb, ConceptNameLookup.fromSettings(settings).orElse(null));
    }
}
