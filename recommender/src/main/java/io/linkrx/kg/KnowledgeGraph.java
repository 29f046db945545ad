package io.linkrx.kg;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable multi-relational graph: entities interned to dense ints, and per relation a CSR adjacency in
 * both directions (out: head→tails, in: tail→heads), neighbour lists sorted ascending (so
 * {@link #hasEdge} is a binary search). Thread-safe once built; build it with {@link KgLoader}.
 */
public final class KnowledgeGraph {
    private final String[] entityNames;
    private final Map<String, Integer> entityIds;
    private final byte[] entityType;           // index into types (≤ 127 entity types)
    private final String[] types;
    private final List<Relation> relations;
    private final Map<String, Relation> relationsByName;
    private final int[][] outOffsets;          // [relation][entity + 1]
    private final int[][] outTargets;          // [relation][edge]
    private final int[][] inOffsets;
    private final int[][] inSources;
    private final long edgeCount;

    KnowledgeGraph(String[] entityNames, Map<String, Integer> entityIds, byte[] entityType, String[] types,
                   List<Relation> relations, Map<String, Relation> relationsByName,
                   int[][] outOffsets, int[][] outTargets, int[][] inOffsets, int[][] inSources, long edgeCount) {
        this.entityNames = entityNames;
        this.entityIds = entityIds;
        this.entityType = entityType;
        this.types = types;
        this.relations = Collections.unmodifiableList(relations);
        this.relationsByName = Collections.unmodifiableMap(relationsByName);
        this.outOffsets = outOffsets;
        this.outTargets = outTargets;
        this.inOffsets = inOffsets;
        this.inSources = inSources;
        this.edgeCount = edgeCount;
    }

    public int entityCount() { return entityNames.length; }

    public long edgeCount() { return edgeCount; }

    public List<Relation> relations() { return relations; }

    /** The interned id of {@code "Type::id"}, or -1. */
    public int entity(String name) {
        Integer id = entityIds.get(name);
        return id == null ? -1 : id;
    }

    public String entityName(int entity) { return entityNames[entity]; }

    /** The entity's type ("Compound", "Disease", …): the part before the first {@code ::}. */
    public String entityType(int entity) { return types[entityType[entity]]; }

    /** All entities of one type, ascending. */
    public int[] entitiesOfType(String type) {
        int t = Arrays.asList(types).indexOf(type);
        if (t < 0) {
            return new int[0];
        }
        return java.util.stream.IntStream.range(0, entityNames.length).filter(e -> entityType[e] == t).toArray();
    }

    public Optional<Relation> relation(String name) { return Optional.ofNullable(relationsByName.get(name)); }

    /** The first relation whose {@code type} part (e.g. "CtD") matches, if any. */
    public Optional<Relation> relationByType(String type) {
        return relations.stream().filter(r -> r.type().equals(type)).findFirst();
    }

    public int outDegree(int relation, int entity) {
        return outOffsets[relation][entity + 1] - outOffsets[relation][entity];
    }

    public int inDegree(int relation, int entity) {
        return inOffsets[relation][entity + 1] - inOffsets[relation][entity];
    }

    /** Targets of the relation's edges leaving {@code entity}, as a view [from, to) into {@link #outArray}. */
    public int outStart(int relation, int entity) { return outOffsets[relation][entity]; }

    public int outEnd(int relation, int entity) { return outOffsets[relation][entity + 1]; }

    public int[] outArray(int relation) { return outTargets[relation]; }

    public int inStart(int relation, int entity) { return inOffsets[relation][entity]; }

    public int inEnd(int relation, int entity) { return inOffsets[relation][entity + 1]; }

    public int[] inArray(int relation) { return inSources[relation]; }

    /** Copy of the tails of {@code head}'s edges of this relation (ascending). */
    public int[] outNeighbours(int relation, int head) {
        return Arrays.copyOfRange(outTargets[relation], outStart(relation, head), outEnd(relation, head));
    }

    /** Copy of the heads of {@code tail}'s edges of this relation (ascending). */
    public int[] inNeighbours(int relation, int tail) {
        return Arrays.copyOfRange(inSources[relation], inStart(relation, tail), inEnd(relation, tail));
    }

    public boolean hasEdge(int relation, int head, int tail) {
        return Arrays.binarySearch(outTargets[relation], outStart(relation, head), outEnd(relation, head), tail) >= 0;
    }

    public long edgeCount(int relation) { return outTargets[relation].length; }
}
