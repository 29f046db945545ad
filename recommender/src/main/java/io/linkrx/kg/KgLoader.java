package io.linkrx.kg;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Loads DRKG's {@code drkg.tsv} layout: one {@code head<TAB>relation<TAB>tail} triple per line, entities
 * {@code Type::id}, relations {@code SOURCE::type::HeadType:TailType}; plain text or gzip (recognised by its
 * magic bytes, not the file name). Blank lines are skipped; anything else that is not a well-formed triple is a
 * {@link KgFormatException} naming the line. Duplicate triples are kept once.
 */
public final class KgLoader {
    private Path glossary;

    /** DRKG's {@code relation_glossary.tsv}: adds interaction type and description to each relation. */
    public KgLoader glossary(Path relationGlossary) {
        this.glossary = relationGlossary;
        return this;
    }

    public KnowledgeGraph load(Path file) {
        try (InputStream in = open(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new KgFormatException(file + ": cannot read knowledge graph: " + e.getMessage(), e);
        }
    }

    /** Opens a file, transparently gunzipping when it starts with the gzip magic bytes 1f 8b. */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return raw;
    }

    public KnowledgeGraph load(InputStream in, String sourceName) throws IOException {
        Map<String, Integer> entityIds = new HashMap<>(1 << 17);
        List<String> entityNames = new ArrayList<>(1 << 17);
        IntList entityType = new IntList(1 << 17);
        Map<String, Integer> typeIds = new HashMap<>();
        List<String> types = new ArrayList<>();
        Map<String, Relation> relationsByName = new HashMap<>();
        List<Relation> relations = new ArrayList<>();
        IntList heads = new IntList(1 << 20);
        IntList rels = new IntList(1 << 20);
        IntList tails = new IntList(1 << 20);

        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        long lineNo = 0;
        Relation lastRelation = null;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int t1 = line.indexOf('\t');
            int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                end--;
            }
            if (t1 < 0 || t2 < 0 || line.indexOf('\t', t2 + 1) >= 0) {
                throw new KgFormatException(sourceName, lineNo,
                        "expected 3 TAB-separated fields head<TAB>relation<TAB>tail");
            }
            String relName = line.substring(t1 + 1, t2);
            Relation rel = lastRelation != null && lastRelation.name().equals(relName)
                    ? lastRelation : relationsByName.get(relName);
            if (rel == null) {
                rel = Relation.parse(relations.size(), relName);
                if (rel == null) {
                    throw new KgFormatException(sourceName, lineNo,
                            "relation '" + relName + "' is not SOURCE::type::HeadType:TailType");
                }
                relations.add(rel);
                relationsByName.put(relName, rel);
            }
            lastRelation = rel;
            int h = intern(line, 0, t1, sourceName, lineNo, entityIds, entityNames, entityType, typeIds, types);
            int t = intern(line, t2 + 1, end, sourceName, lineNo, entityIds, entityNames, entityType, typeIds, types);
            heads.add(h);
            rels.add(rel.index());
            tails.add(t);
        }
        if (glossary != null) {
            relations = applyGlossary(relations, relationsByName);
        }
        return build(entityNames, entityIds, entityType, types, relations, relationsByName, heads, rels, tails);
    }

    private static int intern(String line, int from, int to, String source, long lineNo, Map<String, Integer> ids,
                              List<String> names, IntList entityType, Map<String, Integer> typeIds, List<String> types) {
        if (to <= from) {
            throw new KgFormatException(source, lineNo, "empty entity");
        }
        String name = line.substring(from, to);
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        int sep = name.indexOf("::");
        if (sep <= 0 || sep + 2 >= name.length()) {
            throw new KgFormatException(source, lineNo, "entity '" + name + "' is not Type::id");
        }
        String type = name.substring(0, sep);
        Integer typeId = typeIds.get(type);
        if (typeId == null) {
            if (types.size() >= 127) {
                throw new KgFormatException(source, lineNo, "more than 127 entity types");
            }
            typeId = types.size();
            types.add(type);
            typeIds.put(type, typeId);
        }
        int newId = names.size();
        names.add(name);
        entityType.add(typeId);
        ids.put(name, newId);
        return newId;
    }

    private List<Relation> applyGlossary(List<Relation> relations, Map<String, Relation> byName) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(glossary, StandardCharsets.UTF_8)) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length >= 5) {
                    rows.put(f[0].strip(), f);
                }
            }
        }
        List<Relation> out = new ArrayList<>(relations.size());
        for (Relation rel : relations) {
            String[] f = rows.get(rel.name());
            Relation withG = f == null ? rel : rel.withGlossary(f[3].strip(), f[4].strip());
            out.add(withG);
            byName.put(rel.name(), withG);
        }
        return out;
    }

    private static KnowledgeGraph build(List<String> names, Map<String, Integer> ids, IntList entityTypeList,
                                        List<String> types, List<Relation> relations, Map<String, Relation> byName,
                                        IntList heads, IntList rels, IntList tails) {
        int n = names.size();
        int nr = relations.size();
        int m = heads.size();
        int[] h = heads.array();
        int[] r = rels.array();
        int[] t = tails.array();
        int[][] outOff = new int[nr][];
        int[][] outTgt = new int[nr][];
        int[][] inOff = new int[nr][];
        int[][] inSrc = new int[nr][];
        int[] relCount = new int[nr];
        for (int i = 0; i < m; i++) {
            relCount[r[i]]++;
        }
        // group triple indexes by relation (counting sort) so each relation's pass touches only its own edges
        int[] relStart = new int[nr + 1];
        for (int rel = 0; rel < nr; rel++) {
            relStart[rel + 1] = relStart[rel] + relCount[rel];
        }
        int[] order = new int[m];
        int[] fill = Arrays.copyOf(relStart, nr);
        for (int i = 0; i < m; i++) {
            order[fill[r[i]]++] = i;
        }
        long total = 0;
        for (int rel = 0; rel < nr; rel++) {
            int[] oo = new int[n + 1];
            int[] io = new int[n + 1];
            for (int k = relStart[rel]; k < relStart[rel + 1]; k++) {
                int i = order[k];
                oo[h[i] + 1]++;
                io[t[i] + 1]++;
            }
            for (int e = 0; e < n; e++) {
                oo[e + 1] += oo[e];
                io[e + 1] += io[e];
            }
            int[] ot = new int[relCount[rel]];
            int[] is = new int[relCount[rel]];
            int[] oc = Arrays.copyOf(oo, n);
            int[] ic = Arrays.copyOf(io, n);
            for (int k = relStart[rel]; k < relStart[rel + 1]; k++) {
                int i = order[k];
                ot[oc[h[i]]++] = t[i];
                is[ic[t[i]]++] = h[i];
            }
            // sort each neighbour list and drop duplicate triples
            int[][] dedupOut = sortDedup(oo, ot, n);
            int[][] dedupIn = sortDedup(io, is, n);
            outOff[rel] = dedupOut[0];
            outTgt[rel] = dedupOut[1];
            inOff[rel] = dedupIn[0];
            inSrc[rel] = dedupIn[1];
            total += outTgt[rel].length;
        }
        byte[] entityType = new byte[n];
        for (int e = 0; e < n; e++) {
            entityType[e] = (byte) entityTypeList.get(e);
        }
        return new KnowledgeGraph(names.toArray(new String[0]), ids, entityType, types.toArray(new String[0]),
                relations, byName, outOff, outTgt, inOff, inSrc, total);
    }

    private static int[][] sortDedup(int[] off, int[] adj, int n) {
        boolean dup = false;
        for (int e = 0; e < n; e++) {
            int a = off[e];
            int b = off[e + 1];
            if (b - a > 1) {
                Arrays.sort(adj, a, b);
                for (int i = a + 1; i < b; i++) {
                    if (adj[i] == adj[i - 1]) {
                        dup = true;
                        break;
                    }
                }
            }
        }
        if (!dup) {
            return new int[][] {off, adj};
        }
        int[] newOff = new int[n + 1];
        IntList newAdj = new IntList(adj.length);
        for (int e = 0; e < n; e++) {
            for (int i = off[e]; i < off[e + 1]; i++) {
                if (i == off[e] || adj[i] != adj[i - 1]) {
                    newAdj.add(adj[i]);
                }
            }
            newOff[e + 1] = newAdj.size();
        }
        return new int[][] {newOff, newAdj.toArray()};
    }

    /** Growable int array. */
    static final class IntList {
        private int[] a;
        private int size;

        IntList(int capacity) { a = new int[Math.max(capacity, 4)]; }

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length + (a.length >> 1));
            }
            a[size++] = v;
        }

        int get(int i) { return a[i]; }

        int size() { return size; }

        int[] array() { return a; }

        int[] toArray() { return Arrays.copyOf(a, size); }
    }
}
