package io.linkrx.kg;

import java.util.Objects;

/**
 * A DRKG relation {@code SOURCE::type::HeadType:TailType}, e.g. {@code Hetionet::CtD::Compound:Disease}.
 * {@code description} comes from DRKG's relation glossary when one was loaded (else empty).
 */
public record Relation(int index, String name, String source, String type, String headType, String tailType,
                       String interaction, String description) {

    public Relation {
        Objects.requireNonNull(name, "name");
    }

    /** Parses the name; returns null when it does not have the three {@code ::}-separated parts. */
    static Relation parse(int index, String name) {
        int a = name.indexOf("::");
        if (a <= 0) {
            return null;
        }
        int b = name.indexOf("::", a + 2);
        if (b <= a + 2) {
            return null;
        }
        String types = name.substring(b + 2);
        int colon = types.indexOf(':');
        if (colon <= 0 || colon == types.length() - 1) {
            return null;
        }
        return new Relation(index, name, name.substring(0, a), name.substring(a + 2, b),
                types.substring(0, colon), types.substring(colon + 1), "", "");
    }

    Relation withGlossary(String interaction, String description) {
        return new Relation(index, name, source, type, headType, tailType, interaction, description);
    }

    /** True when head and tail have the same entity type (e.g. Compound:Compound), so it may be walked both ways. */
    public boolean homogeneous() {
        return headType.equals(tailType);
    }
}
