package io.linkrx.kb.load;

import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.linkrx.kb.SemanticType;

/**
 * UMLS semantic types (MRSTY TUIs) mapped to linkrx types, and the types of each CUI. CUIs of the standard form
 * "C" + 7 digits are kept in one bit set per type (a few MB for all of UMLS instead of a map entry per CUI).
 */
final class UmlsTypes {
    /** Disorders-like TUIs (disease/syndrome, neoplasm, injury, anomalies, signs, findings, ...). */
    static final Set<String> DISEASE_TUIS = Set.of("T047", "T191", "T046", "T048", "T184", "T019", "T020",
            "T037", "T049", "T050", "T190");
    /** Pharmacologic substance, clinical drug. */
    static final Set<String> DRUG_TUIS = Set.of("T121", "T200");
    /** Other chemicals (organic chemical, amino acid/protein, antibiotic, hormone, enzyme, ...). */
    static final Set<String> CHEMICAL_TUIS = Set.of("T109", "T116", "T195", "T123", "T122", "T103", "T120",
            "T104", "T197", "T196", "T126", "T131", "T125", "T129", "T130", "T114", "T192");
    /** When a CUI has several types: a drug is also a chemical, and DRUG is the more useful link type. */
    private static final List<SemanticType> PRECEDENCE = List.of(SemanticType.DISEASE, SemanticType.DRUG,
            SemanticType.CHEMICAL);

    private final BitSet[] bits = new BitSet[SemanticType.values().length];
    private final Map<String, Set<SemanticType>> unusual = new HashMap<>();
    private int cuis;

    UmlsTypes() {
        for (int i = 0; i < bits.length; i++) {
            bits[i] = new BitSet();
        }
    }

    /** The linkrx type of a TUI, or null when it is none of disease, drug, chemical. */
    static SemanticType ofTui(String tui) {
        if (DISEASE_TUIS.contains(tui)) {
            return SemanticType.DISEASE;
        }
        if (DRUG_TUIS.contains(tui)) {
            return SemanticType.DRUG;
        }
        return CHEMICAL_TUIS.contains(tui) ? SemanticType.CHEMICAL : null;
    }

    void add(String line, int cuiEnd, SemanticType type) {
        int n = cuiNumber(line, cuiEnd);
        if (n >= 0) {
            if (!bits[type.ordinal()].get(n)) {
                cuis++;
            }
            bits[type.ordinal()].set(n);
        } else {
            unusual.computeIfAbsent(line.substring(0, cuiEnd), k -> EnumSet.noneOf(SemanticType.class)).add(type);
        }
    }

    /** The type of the CUI at the start of {@code line} among {@code allowed}, or null. */
    SemanticType type(String line, int cuiEnd, Set<SemanticType> allowed) {
        int n = cuiNumber(line, cuiEnd);
        Set<SemanticType> other = n >= 0 ? null : unusual.get(line.substring(0, cuiEnd));
        for (SemanticType t : PRECEDENCE) {
            if (allowed.contains(t) && (n >= 0 ? bits[t.ordinal()].get(n) : other != null && other.contains(t))) {
                return t;
            }
        }
        return null;
    }

    /** Type assignments read (a CUI with two types counts twice). */
    int assignments() {
        return cuis + unusual.values().stream().mapToInt(Set::size).sum();
    }

    /** "C0011849" → 11849; -1 for any other form. */
    private static int cuiNumber(String line, int end) {
        if (end != 8 || line.charAt(0) != 'C') {
            return -1;
        }
        int n = 0;
        for (int i = 1; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
