package io.linkrx.launcher.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.linkrx.kb.KnowledgeBase;
import io.linkrx.schema.ClinicalNote;

/**
 * The demo notes with their gold links ({@code expected-links.tsv}) as a PubTator corpus, so the demo can be
 * trained on, evaluated and answered by the simulated teacher like any annotated corpus. Document id = note id;
 * the note is the title (line breaks as spaces: the offsets stay the same).
 */
public final class DemoCorpus {
    public static final String KB = "classpath:linkrx/demo/kb.tsv";
    private static final String LINKS = "linkrx/demo/expected-links.tsv";

    /** A gold link of a demo note. */
    public record GoldLink(String noteId, int begin, int end, String text, String conceptId, String assertion) {
    }

    private DemoCorpus() {
    }

    public static List<GoldLink> goldLinks() {
        List<GoldLink> links = new ArrayList<>();
        try (InputStream in = DemoCorpus.class.getClassLoader().getResourceAsStream(LINKS)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + LINKS);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("noteId") || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                links.add(new GoldLink(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[3], c[4], c[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LINKS, e);
        }
        return links;
    }

    /** These notes and their gold links in PubTator format, mention types from the demo KB. */
    public static String pubTator(Collection<ClinicalNote> notes) {
        KnowledgeBase kb = KnowledgeBase.load(KB);
        Map<String, List<GoldLink>> byNote = goldLinks().stream().collect(Collectors.groupingBy(GoldLink::noteId));
        StringBuilder out = new StringBuilder();
        for (ClinicalNote note : notes) {
            String id = note.getNoteId();
            out.append(id).append("|t|").append(note.getText().replace('\n', ' ').replace('\r', ' ')).append('\n');
            out.append(id).append("|a|\n");
            for (GoldLink l : byNote.getOrDefault(id, List.of())) {
                String type = kb.concept(l.conceptId()).map(c -> c.type().displayName()).orElse("Disease");
                out.append(String.join("\t", id, Integer.toString(l.begin()), Integer.toString(l.end()), l.text(), type,
                        l.conceptId())).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
