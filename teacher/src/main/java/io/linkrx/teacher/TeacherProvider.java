package io.linkrx.teacher;

import java.util.Map;

/** Creates a {@link Teacher} by name ({@code openai}, {@code simulated}, ...); registered in META-INF/services. */
public interface TeacherProvider {
    String name();

    /** @param settings the bridge's {@code linkrx.teacher.*} settings (file + environment), already resolved */
    Teacher create(Map<String, String> settings);
}
