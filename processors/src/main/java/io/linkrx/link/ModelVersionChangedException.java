package io.linkrx.link;

/**
 * The sidecar answered with another version of the re-ranker than the one whose features were sent (it swapped
 * versions: a promotion or a rollback). The caller switches to the served version and scores again.
 */
public final class ModelVersionChangedException extends RuntimeException {
    private final String model;
    private final String servedVersion;

    public ModelVersionChangedException(String model, String expectedVersion, String servedVersion) {
        super("model '" + model + "' is now served at version " + servedVersion + ", features were computed for "
                + expectedVersion, null, false, false);
        this.model = model;
        this.servedVersion = servedVersion;
    }

    public String model() {
        return model;
    }

    public String servedVersion() {
        return servedVersion;
    }
}
