package io.linkrx.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.linkrx.demo.DemoData.KbRow;

/** Structural checks of the demo knowledge base, notes and gold links (no vocabulary files needed). */
class DemoDataTest {
    private static final Pattern MESH_ID = Pattern.compile("D\\d{6}");
    private static final Pattern DRUGBANK_ID = Pattern.compile("DB\\d{5}");
    private static final Pattern XREF = Pattern.compile("(MESH:D\\d{6}|DRUGBANK:DB\\d{5})");
    private static final Set<String> NOTE_TYPES = Set.of("DISCHARGE_SUMMARY", "PROGRESS_NOTE", "CONSULT_NOTE",
            "EMERGENCY_NOTE", "CLINIC_NOTE");
    private static final Set<String> ASSERTIONS = Set.of("PRESENT", "NEGATED", "HYPOTHETICAL", "HISTORICAL",
            "FAMILY");
    private static final List<String> NOTE_FIELDS = List.of("noteId", "patientId", "encounterId", "noteType",
            "authorRole", "text", "language", "eventTime", "sourceSystem");

    // ---------------------------------------------------------------- knowledge base

    @Test
    void kbStartsWithMetadataComments() {
        List<String> lines = DemoData.lines(DemoData.KB);
        assertThat(lines.get(0)).isEqualTo("# linkrx demo knowledge base");
        assertThat(lines.get(1)).matches("# version: \\S+");
    }

    @Test
    void kbHasAtLeast300ConceptsWithUniqueIds() {
        List<KbRow> rows = DemoData.kbRows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(300);
        Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(KbRow::id, Collectors.counting()));
        assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                .as("duplicate concept ids").isEmpty();
        Map<String, Long> byType = rows.stream().collect(Collectors.groupingBy(KbRow::type, Collectors.counting()));
        assertThat(byType).containsKeys("Disease", "Chemical", "Drug");
    }

    @Test
    void kbColumnsAreValid() {
        List<String> problems = new ArrayList<>();
        for (KbRow r : DemoData.kbRows()) {
            String where = "kb.tsv:" + r.line() + " " + r.id() + ": ";
            switch (r.vocabulary()) {
                case "MESH" -> {
                    if (!MESH_ID.matcher(r.id()).matches()) {
                        problems.add(where + "not a MeSH descriptor id");
                    }
                    if (!r.type().equals("Disease") && !r.type().equals("Chemical")) {
                        problems.add(where + "MESH concept must be Disease or Chemical, is " + r.type());
                    }
                }
                case "DRUGBANK" -> {
                    if (!DRUGBANK_ID.matcher(r.id()).matches()) {
                        problems.add(where + "not a DrugBank id");
                    }
                    if (!r.type().equals("Drug")) {
                        problems.add(where + "DRUGBANK concept must be Drug, is " + r.type());
                    }
                }
                default -> problems.add(where + "unknown vocabulary " + r.vocabulary());
            }
            if (r.preferredName().isBlank() || !r.preferredName().equals(r.preferredName().strip())) {
                problems.add(where + "blank or untrimmed preferred name");
            }
            for (String s : r.synonyms()) {
                if (s.isBlank() || !s.equals(s.strip())) {
                    problems.add(where + "blank or untrimmed synonym '" + s + "'");
                }
                if (s.equalsIgnoreCase(r.preferredName())) {
                    problems.add(where + "synonym repeats the preferred name: " + s);
                }
            }
            for (String a : r.abbreviations()) {
                if (a.isBlank() || a.chars().anyMatch(Character::isWhitespace)) {
                    problems.add(where + "bad abbreviation '" + a + "'");
                }
            }
            for (String x : r.xrefs()) {
                if (!XREF.matcher(x).matches()) {
                    problems.add(where + "bad xref '" + x + "'");
                }
                if (x.endsWith(":" + r.id())) {
                    problems.add(where + "xref to itself");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Abbreviations that are ambiguous in real clinical use and kept so on purpose: the demo must show how an
     * unsure linker routes them to the teacher ("MS": multiple sclerosis or mitral stenosis).
     */
    static final Set<String> KNOWN_AMBIGUOUS_ABBREVIATIONS = Set.of("MS");

    @Test
    void noSynonymOrAbbreviationIsSharedByTwoConcepts() {
        Map<String, String> nameOwner = new HashMap<>();
        Map<String, String> abbrOwner = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (KbRow r : DemoData.kbRows()) {
            Set<String> own = new HashSet<>();
            List<String> names = new ArrayList<>();
            names.add(r.preferredName());
            names.addAll(r.synonyms());
            for (String n : names) {
                String key = n.toLowerCase(Locale.ROOT);
                if (!own.add(key)) {
                    problems.add(r.id() + " lists '" + n + "' twice");
                    continue;
                }
                String other = nameOwner.putIfAbsent(key, r.id());
                if (other != null) {
                    problems.add("name '" + n + "' belongs to " + other + " and " + r.id());
                }
            }
            for (String a : r.abbreviations()) {
                String key = a.toLowerCase(Locale.ROOT);
                String other = abbrOwner.putIfAbsent(key, r.id());
                if (other != null && !other.equals(r.id()) && !KNOWN_AMBIGUOUS_ABBREVIATIONS.contains(a)) {
                    problems.add("abbreviation '" + a + "' belongs to " + other + " and " + r.id());
                }
            }
        }
        abbrOwner.forEach((abbr, id) -> {
            String nameId = nameOwner.get(abbr);
            if (nameId != null && !nameId.equals(id)) {
                problems.add("abbreviation '" + abbr + "' of " + id + " is a name of " + nameId);
            }
        });
        assertThat(problems).isEmpty();
    }

    // ---------------------------------------------------------------- notes

    static Map<String, JsonNode> notes() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> notes = new LinkedHashMap<>();
        for (String line : DemoData.lines(DemoData.NOTES)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = mapper.readTree(line);
            JsonNode previous = notes.put(n.path("noteId").asText(), n);
            assertThat(previous).as("duplicate noteId " + n.path("noteId").asText()).isNull();
        }
        return notes;
    }

    @Test
    void notesParseAndHaveAllFields() throws Exception {
        Map<String, JsonNode> notes = notes();
        assertThat(notes).hasSizeGreaterThanOrEqualTo(20);
        List<String> problems = new ArrayList<>();
        for (JsonNode n : notes.values()) {
            String id = n.path("noteId").asText();
            for (String f : NOTE_FIELDS) {
                if (!n.path(f).isTextual() || n.path(f).asText().isBlank()) {
                    problems.add(id + ": missing or blank " + f);
                }
            }
            if (!NOTE_TYPES.contains(n.path("noteType").asText())) {
                problems.add(id + ": unknown noteType " + n.path("noteType").asText());
            }
            if (!n.path("language").asText().equals("en")) {
                problems.add(id + ": language is not en");
            }
            try {
                Instant.parse(n.path("eventTime").asText());
            } catch (DateTimeParseException e) {
                problems.add(id + ": eventTime is not an ISO-8601 instant");
            }
            int words = n.path("text").asText().strip().split("\\s+").length;
            if (words < 80 || words > 250) {
                problems.add(id + ": " + words + " words, expected 80-250");
            }
        }
        assertThat(problems).isEmpty();
        Map<String, Long> perPatient = notes.values().stream()
                .collect(Collectors.groupingBy(n -> n.path("patientId").asText(), Collectors.counting()));
        assertThat(perPatient.values().stream().filter(c -> c >= 2).count())
                .as("patients with several notes").isGreaterThanOrEqualTo(3);
    }

    // ---------------------------------------------------------------- expected links

    @Test
    void expectedLinksMatchTheirNotesAndTheKb() throws Exception {
        Map<String, JsonNode> notes = notes();
        Set<String> kbIds = DemoData.kbRows().stream().map(KbRow::id).collect(Collectors.toSet());
        List<String> lines = DemoData.lines(DemoData.EXPECTED_LINKS);
        assertThat(lines.get(0)).isEqualTo("noteId\tbegin\tend\ttext\tconcept_id\tassertion");
        List<String> problems = new ArrayList<>();
        Map<String, Integer> perNote = new HashMap<>();
        Set<String> spans = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = "expected-links.tsv:" + (i + 1) + ": ";
            String[] c = line.split("\t", -1);
            if (c.length != 6) {
                problems.add(where + "expected 6 columns");
                continue;
            }
            JsonNode note = notes.get(c[0]);
            if (note == null) {
                problems.add(where + "unknown note " + c[0]);
                continue;
            }
            String text = note.path("text").asText();
            int begin = Integer.parseInt(c[1]);
            int end = Integer.parseInt(c[2]);
            if (begin < 0 || end <= begin || end > text.length()) {
                problems.add(where + "offsets out of range");
            } else if (!text.substring(begin, end).equals(c[3])) {
                problems.add(where + "text is '" + text.substring(begin, end) + "', expected '" + c[3] + "'");
            }
            if (!kbIds.contains(c[4])) {
                problems.add(where + "concept " + c[4] + " is not in the KB");
            }
            if (!ASSERTIONS.contains(c[5])) {
                problems.add(where + "bad assertion " + c[5]);
            }
            if (!spans.add(c[0] + ":" + begin + "-" + end)) {
                problems.add(where + "duplicate span");
            }
            perNote.merge(c[0], 1, Integer::sum);
        }
        assertThat(problems).isEmpty();
        for (String noteId : notes.keySet()) {
            assertThat(perNote.getOrDefault(noteId, 0)).as("expected links of " + noteId)
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void expectedLinkTextsAreNamesOrAbbreviationsOfTheirConcept() {
        Map<String, KbRow> kb = DemoData.kbRows().stream()
                .collect(Collectors.toMap(KbRow::id, r -> r));
        List<String> lines = DemoData.lines(DemoData.EXPECTED_LINKS);
        List<String> problems = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            KbRow r = kb.get(c[4]);
            if (r == null) {
                continue; // reported by expectedLinksMatchTheirNotesAndTheKb
            }
            boolean name = r.preferredName().equalsIgnoreCase(c[3])
                    || r.synonyms().stream().anyMatch(s -> s.equalsIgnoreCase(c[3]));
            boolean abbreviation = r.abbreviations().contains(c[3]);
            if (!name && !abbreviation) {
                problems.add(c[0] + " '" + c[3] + "' is not a surface form of " + r.id() + " " + r.preferredName());
            }
        }
        assertThat(problems).isEmpty();
    }
}
