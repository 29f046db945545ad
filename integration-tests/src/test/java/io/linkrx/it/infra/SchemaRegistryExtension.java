package io.linkrx.it.infra;

import io.linkrx.launcher.local.LocalSchemaRegistry;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
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
public final class SchemaRegistryExtension implements BeforeAllCallback, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SchemaRegistryExtension.class);

    private volatile SharedRegistry registry;

    @Override
    public void beforeAll(ExtensionContext context) {
        attach(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        attach(context);
    }

    /** The Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public String url() {
        return registry().registry.url();
    }

    private void attach(ExtensionContext context) {
        if (registry == null) {
            registry = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedRegistry.class,
                    type -> new SharedRegistry(LocalSchemaRegistry.start(ItWorkDirs.newDir("registry-"))),
                    SharedRegistry.class);
        }
    }

    private SharedRegistry registry() {
        return Optional.ofNullable(registry).orElseThrow(() -> new IllegalStateException(
                "the schema registry is not started yet: register the extension with @RegisterExtension"
                        + " and use it from a test or @BeforeAll/@BeforeEach method"));
    }

    /** Closed by JUnit with the root context, at the end of the run. */
    private record SharedRegistry(LocalSchemaRegistry registry) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            registry.close();
        }
    }
}
