package io.linkrx.teacher;

import java.util.List;

/** Write {@code count} sentences that use the concept (SynCABEL-style synthetic training examples). */
public record SynthesisQuestion(String requestId, String conceptId, String vocabulary, String semanticType,
                                List<String> names, int count) {
    public SynthesisQuestion {
        names = List.copyOf(names);
    }
}
