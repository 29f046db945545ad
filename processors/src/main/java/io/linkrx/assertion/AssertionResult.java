package io.linkrx.assertion;

import java.util.Objects;

/**
 * The assertion of one mention.
 *
 * @param assertion the assertion
 * @param trigger   the trigger phrase or section header as found in the text, or null when PRESENT by default
 */
public record AssertionResult(Assertion assertion, String trigger) {
    public AssertionResult {
        Objects.requireNonNull(assertion, "assertion");
    }

    static final AssertionResult PRESENT = new AssertionResult(Assertion.PRESENT, null);
}
