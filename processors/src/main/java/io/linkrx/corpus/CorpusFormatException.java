package io.linkrx.corpus;

/** A corpus file that does not follow its format; the message names file and line, never document text. */
public class CorpusFormatException extends RuntimeException {
    public CorpusFormatException(String message) {
        super(message);
    }
}
