package io.linkrx.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A trie over token keys for longest-match phrase lookup in a token sequence. Not thread-safe while
 * being built; safe for concurrent lookups afterwards.
 *
 * @param <V> value attached to a phrase (several values may share a phrase, in insertion order)
 */
public final class PhraseTrie<V> {
    private final Node<V> root = new Node<>();
    private int maxLength;

    /** A match of {@code length} tokens and the accepted values of that phrase. */
    public record Match<V>(int length, List<V> values) {
    }

    /** Checks whether a phrase may continue from one token to the next (e.g. not across a sentence). */
    @FunctionalInterface
    public interface Continuation {
        boolean allows(Token previous, Token next);
    }

    /** Adds a phrase given as its token keys; empty phrases are ignored. */
    public void add(List<String> keys, V value) {
        if (keys.isEmpty()) {
            return;
        }
        Node<V> node = root;
        for (String key : keys) {
            node = node.children.computeIfAbsent(key, k -> new Node<>());
        }
        if (!node.values.contains(value)) {
            node.values.add(value);
        }
        maxLength = Math.max(maxLength, keys.size());
    }

    /** Length in tokens of the longest phrase. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * The longest phrase starting at {@code tokens[start]} that has at least one accepted value, or
     * {@code null}.
     */
    public Match<V> longestMatch(List<Token> tokens, int start, Function<Token, String> key,
                                 Continuation continuation, Predicate<V> accept) {
        Node<V> node = root;
        Match<V> best = null;
        for (int i = start; i < tokens.size(); i++) {
            if (i > start && !continuation.allows(tokens.get(i - 1), tokens.get(i))) {
                break;
            }
            node = node.children.get(key.apply(tokens.get(i)));
            if (node == null) {
                break;
            }
            if (!node.values.isEmpty()) {
                List<V> accepted = new ArrayList<>(node.values.size());
                for (V v : node.values) {
                    if (accept.test(v)) {
                        accepted.add(v);
                    }
                }
                if (!accepted.isEmpty()) {
                    best = new Match<>(i - start + 1, accepted);
                }
            }
        }
        return best;
    }

    private static final class Node<V> {
        final Map<String, Node<V>> children = new HashMap<>(4);
        final List<V> values = new ArrayList<>(1);
    }
}
