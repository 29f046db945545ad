package io.linkrx.teacher;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds a {@link TeacherProvider} by name through {@link ServiceLoader} and creates its teacher. */
public final class Teachers {
    private Teachers() {
    }

    /** @throws IllegalArgumentException naming the known providers when none is called {@code provider} */
    public static Teacher create(String provider, Map<String, String> settings) {
        TreeSet<String> known = new TreeSet<>();
        for (TeacherProvider p : ServiceLoader.load(TeacherProvider.class)) {
            if (p.name().equalsIgnoreCase(provider.strip())) {
                return p.create(settings);
            }
            known.add(p.name());
        }
        throw new IllegalArgumentException("Unknown teacher provider '" + provider + "'; known: " + known);
    }
}
