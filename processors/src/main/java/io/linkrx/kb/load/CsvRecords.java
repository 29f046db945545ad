package io.linkrx.kb.load;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import io.linkrx.kb.KnowledgeBaseException;

/**
 * An RFC 4180 CSV reader: ',' separated fields, '"' quoted fields that may hold commas, line breaks and doubled
 * quotes, CRLF or LF record ends. A quote inside an unquoted field is kept literally (common in the wild);
 * text after a closing quote or an unterminated quote is an error naming the line.
 */
final class CsvRecords {
    private final Reader in;
    private final String location;
    private int line = 1;
    private int recordLine;
    private int pushedBack = -2;

    CsvRecords(Reader in, String location) {
        this.in = in;
        this.location = location;
    }

    /** The line (1-based) where the record last returned by {@link #next()} starts. */
    int recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end; empty lines are skipped. */
    List<String> next() throws IOException {
        while (true) {
            recordLine = line;
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(c);
                continue;
            }
            pushBack(c);
            return record();
        }
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = read();
            if (c == '"' && field.length() == 0) {
                quoted(field);
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw error(line, "unexpected '" + (char) c + "' after a closing quote");
                }
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r' || c == -1) {
                fields.add(field.toString());
                if (c != -1) {
                    endOfLine(c);
                }
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    private void quoted(StringBuilder field) throws IOException {
        int start = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw error(start, "unterminated quoted field");
            }
            if (c == '"') {
                int next = read();
                if (next != '"') {
                    pushBack(next);
                    return;
                }
            } else if (c == '\n') {
                line++;
            } else if (c == '\r') {
                int next = read();
                if (next != '\n') {
                    pushBack(next);
                }
                line++;
                field.append('\n');
                continue;
            }
            field.append((char) c);
        }
    }

    private void endOfLine(int c) throws IOException {
        line++;
        if (c == '\r') {
            int next = read();
            if (next != '\n') {
                pushBack(next);
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void pushBack(int c) {
        pushedBack = c;
    }

    private KnowledgeBaseException error(int lineNo, String problem) {
        return Lines.error(location, lineNo, problem);
    }
}
