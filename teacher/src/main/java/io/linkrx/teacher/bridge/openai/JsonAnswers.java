package io.linkrx.teacher.bridge.openai;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds the JSON in a model's answer. Servers that ignore {@code response_format} wrap it in prose or Markdown
 * fences, so the first balanced JSON object (or array) that parses is taken.
 */
final class JsonAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswers() {
    }

    /** The first JSON value opened by one of {@code openers} ("{" or "{[") that parses, if any. */
    static Optional<JsonNode> first(String text, String openers) {
        if (text == null) {
            return Optional.empty();
        }
        for (int start = 0; start < text.length(); start++) {
            if (openers.indexOf(text.charAt(start)) < 0) {
                continue;
            }
            int end = balancedEnd(text, start);
            if (end > 0) {
                try {
                    JsonNode node = JSON.readTree(text.substring(start, end));
                    if (node != null && (node.isObject() || node.isArray())) {
                        return Optional.of(node);
                    }
                } catch (IOException e) {
                    // not JSON after all: keep looking
                }
            }
        }
        return Optional.empty();
    }

    /** End (exclusive) of the bracketed value starting at {@code start}, strings and escapes respected; -1 if open. */
    private static int balancedEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }
}
