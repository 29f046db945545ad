package io.linkrx.text;

import java.util.Set;

/**
 * Folds regular English plurals to the singular. Deliberately simple: both the text and the
 * knowledge-base names go through the same rules, so consistency matters more than linguistics; the
 * rules only avoid stripping the "s" of Latin/Greek singulars (sepsis, virus, abscess, pancreas).
 */
final class PluralFolder {
    /** Singular words ending in "s" that the rules would otherwise damage. */
    private static final Set<String> KEEP = Set.of(
            "diabetes", "herpes", "rabies", "scabies", "caries", "series", "species", "feces", "faeces",
            "pancreas", "lens", "biceps", "triceps", "quadriceps", "forceps", "mumps", "measles", "rickets",
            "news", "always", "perhaps", "whereas", "bias", "alias", "atlas", "yes", "thus", "plus", "this",
            "has", "was", "does", "his", "hers", "its", "ours", "yours", "theirs", "less", "unless", "various",
            "aids", "tetanus", "pertussis", "nevus", "mucus", "rhesus", "uterus", "fetus", "bronchus");

    private PluralFolder() {
    }

    static String singular(String w) {
        int n = w.length();
        if (n <= 3 || w.charAt(n - 1) != 's' || !Character.isLetter(w.charAt(n - 2)) || KEEP.contains(w)) {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            return w.substring(0, n - 3) + "y";                  // arteries -> artery
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("zzes") || w.endsWith("shes")) {
            return w.substring(0, n - 2);                        // abscesses -> abscess, rashes -> rash
        }
        if (w.endsWith("ches")) {
            // headaches -> headache, but stitches -> stitch
            return n > 5 && w.charAt(n - 5) == 'a' ? w.substring(0, n - 1) : w.substring(0, n - 2);
        }
        if (w.endsWith("uses") && n > 5 && !isVowel(w.charAt(n - 5))) {
            return w.substring(0, n - 2);                        // viruses -> virus, but causes -> cause
        }
        char before = w.charAt(n - 2);
        if (before == 's' || before == 'u' || before == 'i') {
            return w;                                            // abscess, virus, sepsis
        }
        return w.substring(0, n - 1);                            // cancers -> cancer, diseases -> disease
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
