package io.linkrx.it.infra;

import io.linkrx.launcher.local.LocalSchemaRegistry;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real schema registry (Apicurio Registry, Confluent-compatible API) for integration tests, shared by every
 * test class of the JVM: one {@link LocalSchemaRegistry} child process, started on first use and stopped when
 * the test run ends. The jar comes from {@code -Dlinkrx.registry.jar} (failsafe sets it).
 *
 * <pre>
 * &#64;RegisterExtension
 * static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();
 * ... REGISTRY.url() + "/subjects" ...
 * </pre>
 */
public final class SchemaRegistryExtension extends SharedResourceExtension<SchemaRegistryExtension.SharedRegistry> {

    public SchemaRegistryExtension() {
        super(SharedRegistry.class);
    }

    @Override
    SharedRegistry start() {
        return new SharedRegistry(LocalSchemaRegistry.start(ItWorkDirs.newDir("registry-")));
    }

    /** The Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public String url() {
        return resource().registry.url();
    }

    /** Closed by JUnit with the root context, at the end of the run. */
    record SharedRegistry(LocalSchemaRegistry registry) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            registry.close();
        }
    }
}
