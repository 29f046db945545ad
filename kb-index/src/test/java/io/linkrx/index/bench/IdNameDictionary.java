package io.linkrx.index.bench;

import io.linkrx.kb.KnowledgeBase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code ID||name} dictionary (BioSyn/SapBERT style, e.g. MEDIC's) as a disease KB: one concept per id,
 * its first name preferred, ids with an "OMIM:" prefix in vocabulary OMIM, others MESH. A test-side stand-in until
 * the KB loaders read this format.
 */
public final class IdNameDictionary {
    private IdNameDictionary() {
    }

    public static KnowledgeBase read(Path file, String version) throws IOException {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int sep = line.indexOf("||");
            if (sep > 0) {
                names.computeIfAbsent(line.substring(0, sep), id -> new ArrayList<>()).add(line.substring(sep + 2).strip());
            }
        }
        StringBuilder tsv = new StringBuilder("# version: ").append(version).append('\n');
        names.forEach((id, n) -> tsv.append(id).append('\t').append(id.startsWith("OMIM:") ? "OMIM" : "MESH")
                .append("\tDisease\t").append(n.get(0)).append('\t')
                .append(String.join("|", n.subList(1, n.size()))).append('\n'));
        return KnowledgeBase.readTsv(new StringReader(tsv.toString()), file.toString());
    }
}
