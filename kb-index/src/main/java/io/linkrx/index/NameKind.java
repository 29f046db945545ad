package io.linkrx.index;

/** Which of a concept's names an index entry is. */
public enum NameKind {
    PREFERRED, SYNONYM, ABBREVIATION
}
