package io.linkrx.serving.model;

/** A model could not run a request. {@link #invalidInput()} separates the caller's mistakes from the server's. */
public class ModelException extends Exception {
    private final boolean invalidInput;

    public ModelException(String message, boolean invalidInput, Throwable cause) {
        super(message, cause);
        this.invalidInput = invalidInput;
    }

    public ModelException(String message, boolean invalidInput) {
        this(message, invalidInput, null);
    }

    public boolean invalidInput() {
        return invalidInput;
    }
}
