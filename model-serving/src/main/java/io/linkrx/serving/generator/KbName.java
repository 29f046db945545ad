package io.linkrx.serving.generator;

import java.util.Objects;

/** One row of {@code names.tsv}: a name (preferred name or synonym) of a concept, with its semantic type. */
public record KbName(String conceptId, String semanticType, String name) {
    public KbName {
        Objects.requireNonNull(conceptId, "conceptId");
        Objects.requireNonNull(name, "name");
        semanticType = semanticType == null ? "" : semanticType;
    }
}
