package io.linkrx.eval.linking;

/** Placeholder until the Schwartz–Hearst detector lands: no expansion. */
final class Abbreviations {
    static Abbreviations of(String text) {
        return new Abbreviations();
    }

    String expand(String mention) {
        return null;
    }
}
