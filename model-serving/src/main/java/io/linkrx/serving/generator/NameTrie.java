package io.linkrx.serving.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A prefix tree over the token-id sequences of every name of the knowledge base. Decoding walks it from the
 * root: at each step only the children of the current node (and {@code <eos>} where a complete name ends) are
 * valid continuations, so whatever the language model prefers, only names of the KB can come out.
 *
 * <p>Each node knows which semantic types occur in its subtree (and which end exactly there), so one trie
 * serves every semantic-type filter: a child is allowed when its subtree holds a name of a requested type.
 * Immutable and thread-safe once built.
 */
public final class NameTrie {

    /** A set of semantic types a request accepts; {@link #ANY} accepts all names. */
    public static final class TypeFilter {
        public static final TypeFilter ANY = new TypeFilter(null);
        private final BitSet types;

        private TypeFilter(BitSet types) {
            this.types = types;
        }

        public boolean isAny() {
            return types == null;
        }

        boolean accepts(BitSet present) {
            return types == null || types.intersects(present);
        }

        boolean accepts(int typeIndex) {
            return types == null || types.get(typeIndex);
        }
    }

    /** One trie node. */
    public static final class Node {
        private final int depth;
        private int[] childTokens = new int[0];
        private Node[] children = new Node[0];
        private final TreeMap<Integer, Node> building = new TreeMap<>();
        private final BitSet subtreeTypes = new BitSet();
        private final BitSet endTypes = new BitSet();
        private final List<KbName> entries = new ArrayList<>();
        private final List<Integer> entryTypes = new ArrayList<>();

        private Node(int depth) {
            this.depth = depth;
        }

        /** Number of name tokens from the root to this node. */
        public int depth() {
            return depth;
        }

        /** The child reached with {@code token}, or null. */
        public Node child(int token) {
            int i = Arrays.binarySearch(childTokens, token);
            return i < 0 ? null : children[i];
        }

        /** Whether a complete name ends here. */
        public boolean isTerminal() {
            return !entries.isEmpty();
        }

        private void freeze() {
            childTokens = new int[building.size()];
            children = new Node[building.size()];
            int i = 0;
            for (Map.Entry<Integer, Node> e : building.entrySet()) {
                childTokens[i] = e.getKey();
                children[i] = e.getValue();
                i++;
            }
            building.clear();
            for (Node c : children) {
                c.freeze();
            }
        }
    }

    private final Vocabulary vocab;
    private final Node root;
    private final Map<String, Integer> typeIndex;
    private final int nameCount;
    private final int maxDepth;
    private final List<KbName> skipped;
    private final int nodeCount;

    private NameTrie(Node root, Vocabulary vocab, Map<String, Integer> typeIndex, int nameCount, int maxDepth,
                     List<KbName> skipped, int nodeCount) {
        this.root = root;
        this.vocab = vocab;
        this.typeIndex = typeIndex;
        this.nameCount = nameCount;
        this.maxDepth = maxDepth;
        this.skipped = skipped;
        this.nodeCount = nodeCount;
    }

    /**
     * Indexes every name under its token ids. Names with a token the vocabulary lacks cannot be generated and are
     * left out (see {@link #skipped()}); names with no tokens at all too.
     */
    public static NameTrie build(List<KbName> names, Vocabulary vocab, WordTokenizer tokenizer) {
        Map<String, Integer> types = new LinkedHashMap<>();
        List<KbName> skipped = new ArrayList<>();
        List<int[]> encoded = new ArrayList<>();
        List<KbName> kept = new ArrayList<>();
        for (KbName n : names) {
            List<String> tokens = tokenizer.tokenize(n.name());
            int[] ids = new int[tokens.size()];
            boolean ok = !tokens.isEmpty();
            for (int i = 0; i < ids.length && ok; i++) {
                ids[i] = vocab.idOrMinusOne(tokens.get(i));
                ok = ids[i] >= 0 && !vocab.isSpecial(ids[i]);
            }
            if (!ok) {
                skipped.add(n);
                continue;
            }
            encoded.add(ids);
            kept.add(n);
            types.computeIfAbsent(normalizeType(n.semanticType()), k -> types.size());
        }
        int[] nodes = {1};
        int maxDepth = 0;
        Node root = new Node(0);
        for (int k = 0; k < kept.size(); k++) {
            KbName n = kept.get(k);
            int type = types.get(normalizeType(n.semanticType()));
            Node node = root;
            node.subtreeTypes.set(type);
            for (int token : encoded.get(k)) {
                final int d = node.depth + 1;
                node = node.building.computeIfAbsent(token, t -> {
                    nodes[0]++;
                    return new Node(d);
                });
                node.subtreeTypes.set(type);
            }
            node.endTypes.set(type);
            node.entries.add(n);
            node.entryTypes.add(type);
            maxDepth = Math.max(maxDepth, node.depth);
        }
        root.freeze();
        return new NameTrie(root, vocab, Collections.unmodifiableMap(types), kept.size(), maxDepth,
            List.copyOf(skipped), nodes[0]);
    }

    public Node root() {
        return root;
    }

    /**
     * A filter for the given semantic types (case-insensitive); an empty list means no filter. Types the KB does
     * not know match nothing.
     */
    public TypeFilter filter(List<String> semanticTypes) {
        if (semanticTypes == null || semanticTypes.isEmpty()) {
            return TypeFilter.ANY;
        }
        BitSet set = new BitSet();
        for (String t : semanticTypes) {
            Integer i = typeIndex.get(normalizeType(t));
            if (i != null) {
                set.set(i);
            }
        }
        return new TypeFilter(set);
    }

    /** The valid next tokens at {@code node} under {@code filter}: children holding an accepted name, and {@code <eos>} where one ends. */
    public int[] allowed(Node node, TypeFilter filter) {
        int[] out = new int[node.childTokens.length + 1];
        int n = 0;
        for (int i = 0; i < node.childTokens.length; i++) {
            if (filter.accepts(node.children[i].subtreeTypes)) {
                out[n++] = node.childTokens[i];
            }
        }
        if (!node.entries.isEmpty() && filter.accepts(node.endTypes)) {
            out[n++] = vocab.eos();
        }
        return Arrays.copyOf(out, n);
    }

    /** The names (in names.tsv order) that end at {@code node} and pass {@code filter}. */
    public List<KbName> entries(Node node, TypeFilter filter) {
        if (filter.isAny()) {
            return Collections.unmodifiableList(node.entries);
        }
        List<KbName> out = new ArrayList<>();
        for (int i = 0; i < node.entries.size(); i++) {
            if (filter.accepts(node.entryTypes.get(i))) {
                out.add(node.entries.get(i));
            }
        }
        return out;
    }

    /** The node reached by {@code tokens} from the root, or null when no name starts with them. */
    public Node find(int[] tokens) {
        Node node = root();
        for (int t : tokens) {
            node = node.child(t);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Whether {@code tokens} (without {@code <eos>}) is exactly the token sequence of a KB name. */
    public boolean isName(int[] tokens) {
        Node n = find(tokens);
        return n != null && n.isTerminal();
    }

    public Vocabulary vocabulary() {
        return vocab;
    }

    /** Names indexed. */
    public int nameCount() {
        return nameCount;
    }

    public int nodeCount() {
        return nodeCount;
    }

    /** Tokens of the longest name. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Semantic types of the KB, as first seen (lower-cased). */
    public List<String> semanticTypes() {
        return List.copyOf(typeIndex.keySet());
    }

    /** Names that could not be indexed (a token outside the vocabulary, or no token). */
    public List<KbName> skipped() {
        return skipped;
    }

    static String normalizeType(String t) {
        return t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
    }
}
