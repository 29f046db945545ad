package io.linkrx.rx.note;

import java.nio.file.Path;

/**
 * The files a note recommender is built from. Only {@code kg} is required; each bridge file widens what can be
 * resolved (null = not used): the DRKG relation glossary (safety relations by interaction type), Hetionet's
 * nodes TSV (display names), MeSH tree numbers (roll-up), DO-slim-to-mesh and DO xrefs (Disease Ontology nodes),
 * and DrugBank's open vocabulary (chemicals linked by name instead of a DrugBank id).
 */
public record RxFiles(Path kg, Path glossary, Path nodeNames, Path meshTree, Path doSlimToMesh,
                      Path doXrefsPropagated, Path drugbankVocabulary) {

    public static RxFiles kgOnly(Path kg) {
        return new RxFiles(kg, null, null, null, null, null, null);
    }
}
