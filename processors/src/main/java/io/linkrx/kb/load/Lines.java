package io.linkrx.kb.load;

import java.io.BufferedReader;
import java.io.IOException;

import io.linkrx.kb.KbInput;
import io.linkrx.kb.KnowledgeBaseException;

/** Line-by-line reading with 1-based line numbers for "file:line:" error messages. */
final class Lines {

    @FunctionalInterface
    interface Handler {
        void line(String line, int lineNo);
    }

    private Lines() {
    }

    /** Feeds every line (BOM removed, CR/LF handled) to {@code handler}. */
    static void read(KbInput in, Handler handler) {
        int lineNo = 0;
        try {
            BufferedReader reader = in.reader();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                handler.line(line, lineNo);
            }
        } catch (IOException e) {
            throw new KnowledgeBaseException(in.location() + ":" + (lineNo + 1) + ": cannot read: " + e, e);
        }
    }

    /** An error at a line of a file. */
    static KnowledgeBaseException error(String location, int lineNo, String problem) {
        return new KnowledgeBaseException(location + ":" + lineNo + ": " + problem);
    }

    /** Closes an input, turning the checked exception into a knowledge-base error. */
    static void close(KbInput in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new KnowledgeBaseException(in.location() + ": cannot close: " + e.getMessage(), e);
        }
    }
}
