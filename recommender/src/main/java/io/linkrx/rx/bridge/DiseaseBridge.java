package io.linkrx.rx.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.linkrx.kg.KnowledgeGraph;

/**
 * Linked MeSH disease id → graph disease node, in this order: (1) a direct {@code Disease::MESH:<id>} node;
 * (2) a Disease Ontology node whose curated MeSH id (DO-slim-to-mesh) or propagated {@code MSH} xref is the id;
 * (3) the MeSH tree: the nearest ancestor (fewest levels up, over all the id's tree numbers) that maps by (1) or
 * (2) — and the resolution says so, for the explanation.
 */
public final class DiseaseBridge {
    public enum Via { DIRECT, XREF, ROLLUP }

    /** How a MeSH id reached a node; {@code note} is a sentence for the clinician. */
    public record Resolution(String meshId, int node, String nodeId, Via via, String ancestorMeshId, int levelsUp,
                             String note) {}

    private final KnowledgeGraph kg;
    private final Map<String, String> curated = new HashMap<>();       // MeSH → DOID (DO-slim-to-mesh)
    private final Map<String, List<String>> propagated = new HashMap<>(); // MeSH → DOIDs (xrefs, MSH)
    private final Map<String, List<String>> treeNumbers = new HashMap<>(); // MeSH → tree numbers
    private final Map<String, String> byTreeNumber = new HashMap<>();  // tree number → MeSH
    private final Map<String, String> meshNames = new HashMap<>();

    public DiseaseBridge(KnowledgeGraph kg, Path doSlimToMesh, Path doXrefsPropagated, Path meshTreeNumbers) {
        this.kg = kg;
        if (doSlimToMesh != null) {
            for (String[] f : tsv(doSlimToMesh)) {
                if (f.length >= 3 && f[0].startsWith("DOID:")) {
                    curated.put(f[2], f[0]);
                }
            }
        }
        if (doXrefsPropagated != null) {
            for (String[] f : tsv(doXrefsPropagated)) {
                if (f.length >= 4 && f[2].equals("MSH")) {
                    propagated.computeIfAbsent(f[3], k -> new ArrayList<>()).add(f[0]);
                }
            }
        }
        if (meshTreeNumbers != null) {
            for (String[] f : tsv(meshTreeNumbers)) {
                if (f.length >= 3 && !f[0].equals("mesh_id")) {
                    treeNumbers.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[2]);
                    byTreeNumber.put(f[2], f[0]);
                    meshNames.put(f[0], f[1]);
                }
            }
        }
    }

    public Optional<Resolution> resolve(String meshId) {
        String id = meshId.startsWith("MESH:") ? meshId.substring(5) : meshId;
        Optional<int[]> own = exact(id);
        if (own.isPresent()) {
            int node = own.get()[0];
            Via via = own.get()[1] == 0 ? Via.DIRECT : Via.XREF;
            return Optional.of(new Resolution(id, node, kg.entityName(node), via, id, 0,
                    via == Via.DIRECT ? "" : "MeSH " + id + " = " + kg.entityName(node) + " (Disease Ontology cross-reference)"));
        }
        String bestAncestor = null;
        int bestLevels = Integer.MAX_VALUE;
        int bestNode = -1;
        for (String tn : treeNumbers.getOrDefault(id, List.of())) {
            String cur = tn;
            int levels = 0;
            while (cur.lastIndexOf('.') > 0 && levels + 1 < bestLevels) {
                cur = cur.substring(0, cur.lastIndexOf('.'));
                levels++;
                String anc = byTreeNumber.get(cur);
                Optional<int[]> hit = anc == null ? Optional.empty() : exact(anc);
                if (hit.isPresent()) {
                    if (levels < bestLevels || (levels == bestLevels && anc.compareTo(bestAncestor) < 0)) {
                        bestLevels = levels;
                        bestAncestor = anc;
                        bestNode = hit.get()[0];
                    }
                    break;
                }
            }
        }
        if (bestNode < 0) {
            return Optional.empty();
        }
        String note = String.format("%s (%s) has no node of its own; rolled up %d level%s of the MeSH tree to %s (%s) = %s",
                id, meshNames.getOrDefault(id, "?"), bestLevels, bestLevels == 1 ? "" : "s", bestAncestor,
                meshNames.getOrDefault(bestAncestor, "?"), kg.entityName(bestNode));
        return Optional.of(new Resolution(id, bestNode, kg.entityName(bestNode), Via.ROLLUP, bestAncestor, bestLevels,
                note));
    }

    /** {node, 0=direct|1=xref} for a MeSH id that itself has a node. */
    private Optional<int[]> exact(String mesh) {
        int direct = kg.entity("Disease::MESH:" + mesh);
        if (direct >= 0) {
            return Optional.of(new int[] {direct, 0});
        }
        String doid = curated.get(mesh);
        if (doid != null && kg.entity("Disease::" + doid) >= 0) {
            return Optional.of(new int[] {kg.entity("Disease::" + doid), 1});
        }
        for (String d : propagated.getOrDefault(mesh, List.of())) {
            if (kg.entity("Disease::" + d) >= 0) {
                return Optional.of(new int[] {kg.entity("Disease::" + d), 1});
            }
        }
        return Optional.empty();
    }

    static List<String[]> tsv(Path file) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                rows.add(line.strip().split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** For tests/diagnostics: the MeSH names read from the tree file. */
    Map<String, String> meshNames() {
        return new LinkedHashMap<>(meshNames);
    }
}
