package io.linkrx.kb;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The knowledge-base formats available through {@link ServiceLoader}, by format name. */
public final class KbLoaders {
    private static volatile Map<String, KbLoader> byFormat;

    private KbLoaders() {
    }

    /** The loader of a format, if one is registered. */
    public static Optional<KbLoader> find(String format) {
        return Optional.ofNullable(registry().get(format));
    }

    /** The loader of a format; the error lists the accepted formats. */
    public static KbLoader get(String format) {
        return find(format).orElseThrow(() -> new KnowledgeBaseException("unknown knowledge-base format '"
                + format + "'; accepted formats: " + String.join(", ", formats())));
    }

    /** The registered format names, sorted. */
    public static Set<String> formats() {
        return registry().keySet();
    }

    private static Map<String, KbLoader> registry() {
        Map<String, KbLoader> r = byFormat;
        if (r == null) {
            synchronized (KbLoaders.class) {
                r = byFormat;
                if (r == null) {
                    r = discover();
                    byFormat = r;
                }
            }
        }
        return r;
    }

    private static Map<String, KbLoader> discover() {
        Map<String, KbLoader> found = new TreeMap<>();
        // the context loader sees plug-ins of the application; ours sees the built-in formats when it differs
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            register(found, ServiceLoader.load(KbLoader.class, context));
        }
        register(found, ServiceLoader.load(KbLoader.class, KbLoader.class.getClassLoader()));
        return Collections.unmodifiableMap(found);
    }

    private static void register(Map<String, KbLoader> found, ServiceLoader<KbLoader> loaders) {
        for (KbLoader loader : loaders) {
            String format = loader.format();
            KbLoader previous = found.putIfAbsent(format, loader);
            if (previous != null && previous.getClass() != loader.getClass()) {
                // picking one would make the format's meaning depend on classpath order
                throw new IllegalStateException("knowledge-base format '" + format + "' is registered by both "
                        + previous.getClass().getName() + " and " + loader.getClass().getName());
            }
        }
    }
}
