package io.linkrx.teacher.bridge.openai;

import java.util.Map;

import io.linkrx.teacher.Teacher;
import io.linkrx.teacher.TeacherProvider;

/** Provider {@code openai}: an {@link OpenAiChatTeacher} for any OpenAI-compatible Chat Completions endpoint. */
public final class OpenAiTeacherProvider implements TeacherProvider {
    public static final String NAME = "openai";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Teacher create(Map<String, String> settings) {
        return OpenAiChatTeacher.create(settings, System.getenv());
    }
}
