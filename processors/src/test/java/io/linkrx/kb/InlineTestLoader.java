package io.linkrx.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A plug-in format for the tests: {@code inline:D1=Fever;D2=Cough?type=chemical}. */
public final class InlineTestLoader implements KbLoader {

    @Override
    public String format() {
        return "inline-test";
    }

    @Override
    public Set<String> options() {
        return Set.of("type");
    }

    @Override
    public KnowledgeBase load(String location, LoadOptions options) {
        SemanticType type = options.type("type", SemanticType.DISEASE);
        List<Concept> concepts = new ArrayList<>();
        for (String pair : location.split(";")) {
            String[] kv = pair.split("=", 2);
            concepts.add(new Concept(kv[0], "MESH", type, kv[1], null, null, null));
        }
        return KnowledgeBase.of("inline:" + concepts.size(), concepts);
    }
}
