package io.linkrx.corpus;

import java.util.Locale;
import java.util.Map;

import io.linkrx.kb.SemanticType;

/**
 * Maps the type labels of the public corpora to linkrx semantic types: NCBI Disease (SpecificDisease,
 * DiseaseClass, Modifier, CompositeMention), BC5CDR (Disease, Chemical), BioRED (DiseaseOrPhenotypicFeature,
 * ChemicalEntity). Labels of things linkrx does not link (genes, variants, species, cell lines) map to null.
 */
public final class CorpusTypes {
    private static final Map<String, SemanticType> TYPES = Map.ofEntries(
            Map.entry("disease", SemanticType.DISEASE),
            Map.entry("specificdisease", SemanticType.DISEASE),
            Map.entry("diseaseclass", SemanticType.DISEASE),
            Map.entry("modifier", SemanticType.DISEASE),
            Map.entry("compositemention", SemanticType.DISEASE),
            Map.entry("diseaseorphenotypicfeature", SemanticType.DISEASE),
            Map.entry("chemical", SemanticType.CHEMICAL),
            Map.entry("chemicalentity", SemanticType.CHEMICAL),
            Map.entry("drug", SemanticType.DRUG));

    private CorpusTypes() {
    }

    /** The semantic type of a corpus label, or null when linkrx does not link that kind of entity. */
    public static SemanticType of(String corpusType) {
        return corpusType == null ? null : TYPES.get(corpusType.strip().toLowerCase(Locale.ROOT));
    }
}
