package io.linkrx.extract.tagger;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.corpus.PubTatorReader;

/**
 * A synthetic PubTator corpus small enough to train a CRF in a few seconds: diseases and chemicals slotted
 * into a handful of sentence templates, offsets computed from the text so the annotations are exact.
 */
final class TinyCorpus {
    static final List<String> DISEASES = List.of("cystic fibrosis", "Huntington disease", "breast cancer",
            "muscular dystrophy", "sickle cell anemia");
    static final List<String> CHEMICALS = List.of("tobramycin", "cisplatin", "haloperidol", "valproic acid", "metformin");
    /** {D} is a disease slot, {C} a chemical slot. */
    private static final List<String> TEMPLATES = List.of(
            "Patients with {D} were treated with {C}.",
            "{C} was given to children with {D}.",
            "The risk of {D} increased after {C} exposure.",
            "In this study, {C} reduced symptoms of {D} in mice.");

    private TinyCorpus() {
    }

    /** 20 documents (every template with every disease) in PubTator format. */
    static String pubTator() {
        StringBuilder out = new StringBuilder();
        int pmid = 1000;
        for (int t = 0; t < TEMPLATES.size(); t++) {
            for (int d = 0; d < DISEASES.size(); d++) {
                String disease = DISEASES.get(d);
                String chemical = CHEMICALS.get((d + t) % CHEMICALS.size());
                String title = fill(TEMPLATES.get(t), disease, chemical);
                String abstractText = fill(TEMPLATES.get((t + 1) % TEMPLATES.size()), disease, chemical);
                String text = title + " " + abstractText;
                pmid++;
                out.append(pmid).append("|t|").append(title).append('\n');
                out.append(pmid).append("|a|").append(abstractText).append('\n');
                for (String line : annotations(pmid, text, disease, "Disease", chemical)) {
                    out.append(line).append('\n');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    static List<PubTatorDocument> documents() {
        return PubTatorReader.read(new StringReader(pubTator()), "tiny");
    }

    static Path write(Path dir) throws IOException {
        Path file = dir.resolve("tiny.PubTator.txt");
        Files.writeString(file, pubTator());
        return file;
    }

    private static String fill(String template, String disease, String chemical) {
        String s = template.replace("{D}", disease).replace("{C}", chemical);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<String> annotations(int pmid, String text, String disease, String diseaseType,
                                            String chemical) {
        List<String> lines = new ArrayList<>();
        for (String[] m : List.of(new String[] {disease, diseaseType}, new String[] {chemical, "Chemical"})) {
            String lower = text.toLowerCase();
            for (int p = lower.indexOf(m[0].toLowerCase()); p >= 0; p = lower.indexOf(m[0].toLowerCase(), p + 1)) {
                String surface = text.substring(p, p + m[0].length());
                lines.add(pmid + "\t" + p + "\t" + (p + m[0].length()) + "\t" + surface + "\t" + m[1] + "\tD000000");
            }
        }
        return lines;
    }
}
