package io.linkrx.serving.repository;

import io.linkrx.serving.model.ModelLoader;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The model loaders by kind, found with {@link ServiceLoader}. A loader that cannot start is logged and skipped. */
public final class ModelLoaders {
    private static final Logger LOG = LoggerFactory.getLogger(ModelLoaders.class);

    private final Map<String, ModelLoader> byKind;

    public ModelLoaders(Map<String, ModelLoader> byKind) {
        this.byKind = Map.copyOf(byKind);
    }

    public static ModelLoaders discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    public static ModelLoaders discover(ClassLoader classLoader) {
        Map<String, ModelLoader> found = new TreeMap<>();
        Iterator<ModelLoader> it = ServiceLoader.load(ModelLoader.class, classLoader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                ModelLoader loader = it.next();
                ModelLoader clash = found.putIfAbsent(loader.kind(), loader);
                if (clash != null) {
                    LOG.warn("Two model loaders for kind '{}': {} and {}; using the first", loader.kind(),
                            clash.getClass().getName(), loader.getClass().getName());
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                // the iterator goes on with the next provider after an error
                LOG.error("A model loader could not be started and is skipped: {}", e.toString());
            }
        }
        LOG.info("Model loaders: {}", found.keySet());
        return new ModelLoaders(found);
    }

    public Optional<ModelLoader> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public java.util.Set<String> kinds() {
        return byKind.keySet();
    }
}
