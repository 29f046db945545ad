package io.linkrx.kb;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.linkrx.text.Normalizer;

/**
 * The names chemists write for chemicals a vocabulary names by salt or acid form: MeSH names the descriptor
 * "Tiapride Hydrochloride" and "Valproic Acid", notes say "tiapride" and "valproate". A chemical's name ending in
 * a drug salt's counter-ion or hydrate word gives the name without it; "X-ic acid" gives its anion "X-ate". A
 * variant is kept only when no concept already has that name and no other concept derives it, so variants never
 * merge concepts, and a salt of an element keeps its name ("Potassium Chloride" does not become "potassium").
 */
public final class ChemicalNameVariants {
    /** Part of {@link KnowledgeBase#version()} once the variants are added: change it when the rules change. */
    public static final String VERSION = "chemical-variants-1";

    /**
     * Counter-ions and hydrates of drug salts. Not acetate, phosphate or sulfate: those are as often esters, other
     * compounds than their base ("Desoxycorticosterone Acetate", "Pyridoxal Phosphate").
     */
    private static final Set<String> SALT_WORDS = Set.of("hydrochloride", "dihydrochloride", "hydrobromide",
            "maleate", "dimaleate", "citrate", "tartrate", "bitartrate", "mesylate", "fumarate", "succinate",
            "besylate", "nitrate", "lactate", "gluconate", "hydrate", "monohydrate", "dihydrate", "trihydrate",
            "hyclate");
    /** Halides name the salt of a quaternary "-ium" cation ("Vecuronium Bromide"), not of "Cyanogen" or "Ethyl". */
    private static final Set<String> HALIDE_WORDS = Set.of("chloride", "bromide", "iodide");
    /** A salt of an element keeps its name: "Potassium Chloride" is not "potassium", "Iron Citrate" not "iron". */
    private static final Set<String> ELEMENT_WORDS = Set.of("iron", "ferrous", "ferric", "sodium", "potassium",
            "calcium", "magnesium", "zinc", "copper", "cupric", "cuprous", "lithium", "aluminum", "aluminium",
            "ammonium", "barium", "silver", "gold", "mercury", "mercuric", "mercurous", "lead", "cobalt",
            "manganese", "nickel", "tin", "stannous", "strontium", "chromium", "cesium", "caesium", "rubidium",
            "thallium", "cadmium", "bismuth", "platinum", "hydrogen", "antimony", "arsenic", "selenium", "natrium",
            "kalium");

    private ChemicalNameVariants() {
    }

    /** The knowledge base with the variants of its chemicals' names added as synonyms; itself when there are none. */
    public static KnowledgeBase addTo(KnowledgeBase kb) {
        Map<String, Set<String>> variants = of(kb);
        return variants.isEmpty() ? kb : kb.withExtraNames(variants, VERSION);
    }

    /** Chemical concept id → variant names no concept has. */
    public static Map<String, Set<String>> of(KnowledgeBase kb) {
        Set<String> taken = new HashSet<>();
        for (Concept c : kb.concepts()) {
            c.names().forEach(n -> taken.add(Normalizer.normalize(n)));
        }
        Map<String, String> derivedBy = new HashMap<>();
        Map<String, String> spelling = new HashMap<>();
        for (Concept c : kb.concepts()) {
            if (c.type() != SemanticType.CHEMICAL && c.type() != SemanticType.DRUG) {
                continue;
            }
            for (String name : c.names()) {
                variant(name).ifPresent(v -> {
                    String norm = Normalizer.normalize(v);
                    if (!norm.isEmpty() && !taken.contains(norm)) {
                        String first = derivedBy.putIfAbsent(norm, c.id());
                        if (first != null && !first.equals(c.id())) {
                            derivedBy.put(norm, ""); // two concepts derive it: ambiguous
                        }
                        spelling.putIfAbsent(norm, v);
                    }
                });
            }
        }
        Map<String, Set<String>> out = new HashMap<>();
        derivedBy.forEach((norm, id) -> {
            if (!id.isEmpty()) {
                out.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(spelling.get(norm));
            }
        });
        return out;
    }

    /** "Tiapride Hydrochloride" → "Tiapride", "Valproic Acid" → "Valproate"; names with commas have none. */
    static Optional<String> variant(String name) {
        String[] words = name.trim().split("\\s+");
        if (words.length < 2 || name.contains(",")) {
            return Optional.empty();
        }
        String last = words[words.length - 1].toLowerCase(Locale.ROOT);
        String head = String.join(" ", Arrays.copyOf(words, words.length - 1));
        String before = words[words.length - 2];
        String beforeLower = before.toLowerCase(Locale.ROOT);
        if (SALT_WORDS.contains(last) || HALIDE_WORDS.contains(last) && beforeLower.endsWith("ium")) {
            // an element's salt keeps its name; "-yl" is an ester's radical ("2-Nicotinamidoethyl Nitrate")
            boolean keep = ELEMENT_WORDS.contains(beforeLower.replaceFirst("^(mono|di|tri)", ""))
                    || beforeLower.endsWith("yl");
            return keep ? Optional.empty() : Optional.of(head);
        }
        if (last.equals("acid") && before.length() > 3 && beforeLower.endsWith("ic")) {
            String[] anion = Arrays.copyOf(words, words.length - 1);
            anion[anion.length - 1] = before.substring(0, before.length() - 2) + "ate";
            return Optional.of(String.join(" ", anion));
        }
        return Optional.empty();
    }
}
