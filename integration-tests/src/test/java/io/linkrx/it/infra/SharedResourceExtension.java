package io.linkrx.it.infra;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test resource started once per JVM and shared by every test class (a broker, a registry), stopped by JUnit
 * with the root context at the end of the run. Starting servers once keeps the integration suite fast.
 */
abstract class SharedResourceExtension<R extends ExtensionContext.Store.CloseableResource>
        implements BeforeAllCallback, BeforeEachCallback {
    private final Class<R> type;
    private volatile R resource;

    SharedResourceExtension(Class<R> type) {
        this.type = type;
    }

    /** Starts the resource; called once per JVM. */
    abstract R start();

    @Override
    public void beforeAll(ExtensionContext context) {
        attach(context);
    }

    /** Also works when registered on an instance field, where JUnit calls no beforeAll. */
    @Override
    public void beforeEach(ExtensionContext context) {
        attach(context);
    }

    private void attach(ExtensionContext context) {
        if (resource == null) {
            resource = context.getRoot().getStore(ExtensionContext.Namespace.create(getClass()))
                    .getOrComputeIfAbsent(type, t -> start(), type);
        }
    }

    R resource() {
        return Optional.ofNullable(resource).orElseThrow(() -> new IllegalStateException(type.getSimpleName()
                + " is not started yet: register the extension with @RegisterExtension"
                + " and use it from a test or @BeforeAll/@BeforeEach method"));
    }
}
