package io.linkrx.kb.load;

import java.io.FilterInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.linkrx.kb.ConceptBuilder;
import io.linkrx.kb.KbInput;
import io.linkrx.kb.KnowledgeBaseException;
import io.linkrx.kb.SemanticType;

/**
 * Streams the NLM MeSH XML releases with StAX: descriptors ({@code descYYYY.xml}, DescriptorRecordSet) and
 * supplementary concept records ({@code suppYYYY.xml}, SupplementalRecordSet). Elements are matched by their
 * path inside the record, because DescriptorUI and String also occur in a record's cross references.
 * Terms with LexicalTag ABB or ACR are abbreviations (matched case-sensitively).
 * <p>Supplementary records: SCRClass 1 is a chemical, 3 a (rare) disease, 2 (protocol) and 4 (organism) are
 * skipped; without SCRClass (releases before 2018) the type comes from the trees of the HeadingMappedTo
 * descriptors when a descriptor file was given (none of disease or chemical type: skipped), else CHEMICAL. Known mapped trees also give the record tree numbers in the
 * MEDIC style "C16.131.260/C538288".
 */
final class MeshXmlReader {
    private static final String DESC_SET = "/DescriptorRecordSet";
    private static final String SUPP_SET = "/SupplementalRecordSet";
    private static final String DESC = DESC_SET + "/DescriptorRecord";
    private static final String SUPP = SUPP_SET + "/SupplementalRecord";
    private static final String TERM = "/ConceptList/Concept/TermList/Term";

    private final String location;
    private final MeshCollector out;
    private final Map<String, List<String>> descriptorTrees;
    private final List<String> paths = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private Record current;
    private int records;

    /** The parts of the record being read. */
    private static final class Record {
        final String path;
        final boolean supplementary;
        final String scrClass;
        String ui;
        String preferred;
        boolean abbreviationTerm;
        final List<String> names = new ArrayList<>();
        final List<String> abbreviations = new ArrayList<>();
        final List<String> trees = new ArrayList<>();
        final List<String> mappedTo = new ArrayList<>();

        Record(String path, String scrClass) {
            this.path = path;
            this.supplementary = path.equals(SUPP);
            this.scrClass = scrClass;
        }
    }

    /** @param descriptorTrees tree numbers by descriptor UI for typing supplementary records; may be empty */
    MeshXmlReader(String location, MeshCollector out, Map<String, List<String>> descriptorTrees) {
        this.location = location;
        this.out = out;
        this.descriptorTrees = descriptorTrees;
    }

    void read(KbInput in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // the release names its DTD by URL: never fetch it, and never expand external entities
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = null;
        try {
            // the JDK parser closes its input at the end; the caller still drains it for the hash
            xml = factory.createXMLStreamReader(new FilterInputStream(in.stream()) {
                @Override
                public void close() {
                }
            });
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start(xml);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (current != null) {
                            text.append(xml.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> end();
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new KnowledgeBaseException(location + ":" + line + ": malformed MeSH XML: " + e.getMessage(), e);
        } finally {
            close(xml);
        }
        if (records == 0) {
            throw new KnowledgeBaseException(location + ": no DescriptorRecord or SupplementalRecord found");
        }
    }

    private void start(XMLStreamReader xml) {
        String parent = paths.isEmpty() ? "" : paths.get(paths.size() - 1);
        String path = parent + "/" + xml.getLocalName();
        paths.add(path);
        text.setLength(0);
        if (paths.size() == 1 && !path.equals(DESC_SET) && !path.equals(SUPP_SET)) {
            throw new KnowledgeBaseException(location + ": root element " + xml.getLocalName()
                    + " is neither DescriptorRecordSet nor SupplementalRecordSet");
        }
        if (path.equals(DESC) || path.equals(SUPP)) {
            current = new Record(path, xml.getAttributeValue(null, "SCRClass"));
        } else if (current != null && path.length() == current.path.length() + TERM.length()
                && path.endsWith(TERM)) {
            String tag = xml.getAttributeValue(null, "LexicalTag");
            current.abbreviationTerm = "ABB".equals(tag) || "ACR".equals(tag);
        }
    }

    private void end() {
        String path = paths.remove(paths.size() - 1);
        Record r = current;
        if (r != null) {
            String rel = path.substring(Math.min(path.length(), r.path.length()));
            String value = text.toString().strip();
            switch (rel) {
                case "/DescriptorUI", "/SupplementalRecordUI" -> r.ui = value;
                case "/DescriptorName/String", "/SupplementalRecordName/String" -> r.preferred = value;
                case "/TreeNumberList/TreeNumber" -> r.trees.add(value);
                case TERM + "/String" -> (r.abbreviationTerm ? r.abbreviations : r.names).add(value);
                case "/HeadingMappedToList/HeadingMappedTo/DescriptorReferredTo/DescriptorUI" ->
                        r.mappedTo.add(value.startsWith("*") ? value.substring(1) : value);
                default -> {
                }
            }
            if (path.equals(r.path)) {
                finish(r);
                current = null;
            }
        }
        text.setLength(0);
    }

    private void finish(Record r) {
        records++;
        if (r.ui == null || r.ui.isEmpty()) {
            throw new KnowledgeBaseException(location + ": a MeSH record without its UI (record " + records + ")");
        }
        ConceptBuilder b = new ConceptBuilder(r.ui, Ids.MESH, null).name(r.preferred);
        r.names.forEach(b::name);
        r.abbreviations.forEach(b::abbreviation);
        r.trees.forEach(b::treeNumber);
        if (!r.supplementary) {
            out.addByTrees(b);
            return;
        }
        List<String> mappedTrees = new ArrayList<>();
        for (String ui : r.mappedTo) {
            for (String tree : descriptorTrees.getOrDefault(ui, List.of())) {
                mappedTrees.add(tree);
                b.treeNumber(tree + "/" + r.ui);
            }
        }
        out.add(b, supplementaryType(r.scrClass, mappedTrees));
    }

    private SemanticType supplementaryType(String scrClass, List<String> mappedTrees) {
        if (scrClass != null) {
            return switch (scrClass) {
                case "1" -> SemanticType.CHEMICAL;
                case "3" -> SemanticType.DISEASE;
                default -> null; // protocols and organisms are neither diseases nor chemicals
            };
        }
        // with a descriptor file, a mapped descriptor missing from it has no disease or chemical tree
        return descriptorTrees.isEmpty() ? SemanticType.CHEMICAL : MeshTrees.type(mappedTrees, out.allowed());
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the underlying stream is closed by the caller
            }
        }
    }
}
