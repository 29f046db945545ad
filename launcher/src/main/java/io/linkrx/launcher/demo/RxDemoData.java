package io.linkrx.launcher.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge-graph files the demo recommends drugs from: {@code $LINKRX_SHARED_DATA}, or the first
 * {@code shared/data} found walking up from the working directory (the checkout's sibling). They are read in
 * place, never copied into the repository.
 */
public record RxDemoData(Map<String, String> settings, String offReason) {
    static final String ENV = "LINKRX_SHARED_DATA";
    private static final Map<String, String> FILES = files();

    private static Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("linkrx.rx.kg.path", "kg/hetionet_subset.drkg.tsv.gz");
        f.put("linkrx.rx.relation.glossary.path", "drkg/relation_glossary.tsv");
        f.put("linkrx.rx.node.names.path", "hetionet/hetionet-v1.0-nodes.tsv");
        f.put("linkrx.rx.mesh.tree.path", "mesh/mesh2015_tree_numbers.tsv");
        f.put("linkrx.rx.disease.xrefs.path", "hetionet/disease_ontology/DO-slim-to-mesh.tsv");
        f.put("linkrx.rx.disease.xrefs.propagated.path", "hetionet/disease_ontology/DO-slim-xrefs-propagated.tsv");
        f.put("linkrx.rx.drugbank.vocabulary.path", "drugbank_vocabulary/drugbank_vocabulary.csv");
        return f;
    }

    public boolean on() {
        return offReason == null;
    }

    public static RxDemoData locate(Map<String, String> env, Path workingDir) {
        Optional<Path> data = env.containsKey(ENV) ? Optional.of(Path.of(env.get(ENV))) : walkUp(workingDir);
        if (data.isEmpty()) {
            return new RxDemoData(Map.of(), "no shared/data directory beside the checkout and " + ENV + " is not set");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (var e : FILES.entrySet()) {
            Path file = data.get().resolve(e.getValue());
            if (!Files.isReadable(file)) {
                return new RxDemoData(Map.of(), file + " is missing");
            }
            settings.put(e.getKey(), file.toString());
        }
        return new RxDemoData(settings, null);
    }

    private static Optional<Path> walkUp(Path dir) {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
