package io.linkrx.extract.tagger;

import java.util.Objects;

import io.linkrx.kb.SemanticType;

/** A typed char span {@code text[begin, end)}. */
public record TypedSpan(int begin, int end, SemanticType type) {
    public TypedSpan {
        if (begin < 0 || end <= begin) {
            throw new IllegalArgumentException("invalid span [" + begin + ", " + end + ")");
        }
        Objects.requireNonNull(type, "type");
    }

    boolean overlaps(int otherBegin, int otherEnd) {
        return begin < otherEnd && otherBegin < end;
    }
}
