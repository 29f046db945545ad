package io.linkrx.index.bench;

import io.linkrx.kb.KnowledgeBase;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * A generated knowledge base of roughly UMLS-like names: 1-10 names per concept (about 3.5 on average), 2-5 words
 * each: medical-sounding stems and qualifiers, gene-like codes, and pseudo-words from an open vocabulary (a third
 * as many as names) drawn with Zipf's law, as words in real terminologies are; 60% diseases, 20% chemicals,
 * 20% drugs.
 */
final class SyntheticKb {
    private static final String[] PREFIXES = {"cardio", "neuro", "hepato", "nephro", "gastro", "osteo", "dermato",
        "hemo", "pulmo", "myelo", "lympho", "angio", "arthro", "encephalo", "myo", "chondro", "retino", "thyro",
        "adeno", "fibro", "glomerulo", "cholangio", "pancreato", "spondylo", "leuko", "erythro", "immuno", "oto"};
    private static final String[] SUFFIXES = {"itis", "oma", "pathy", "algia", "emia", "osis", "plasia", "trophy",
        "megaly", "sclerosis", "blastoma", "carcinoma", "dysplasia", "genesis", "lysis", "stenosis", "cele"};
    private static final String[] QUALIFIERS = {"chronic", "acute", "familial", "congenital", "primary", "secondary",
        "juvenile", "adult", "hereditary", "idiopathic", "malignant", "benign", "recurrent", "severe", "mild",
        "syndrome", "disease", "deficiency", "disorder", "type", "of", "the", "with", "left", "right", "bilateral",
        "hydrochloride", "sodium", "acid", "inhibitor", "receptor", "protein", "kinase", "oral", "injection"};
    private static final String[] TYPES = {"Disease", "Disease", "Disease", "Chemical", "Drug"};

    private SyntheticKb() {
    }

    /** A KB with about {@code names} names. */
    static KnowledgeBase generate(int names, long seed) {
        Random random = new Random(seed);
        StringBuilder tsv = new StringBuilder(names * 40).append("# version: synthetic-").append(names).append('\n');
        Set<String> used = new HashSet<>();
        String[] vocabulary = vocabulary(Math.max(1000, names / 3), random);
        int made = 0;
        for (int c = 0; made < names; c++) {
            int count = 1 + random.nextInt(random.nextBoolean() ? 2 : 10); // skewed: mostly 1-2, sometimes up to 10
            count = Math.min(count, names - made);
            tsv.append('C').append(c).append("\tSYN\t").append(TYPES[random.nextInt(TYPES.length)]).append('\t');
            for (int i = 0; i < count; i++) {
                String name;
                do {
                    name = name(random, vocabulary);
                } while (!used.add(name));
                tsv.append(name).append(i == 0 ? "\t" : i == count - 1 ? "" : "|");
            }
            made += count;
            tsv.append('\n');
        }
        return KnowledgeBase.readTsv(new StringReader(tsv.toString()), "synthetic");
    }

    /** Pseudo-words of 2-4 syllables, most frequent first. */
    private static String[] vocabulary(int size, Random random) {
        String[] onsets = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cl",
            "dr", "gl", "pr", "st", "tr", "ph", "th", "ch", "x", "qu"};
        String[] vowels = {"a", "e", "i", "o", "u", "y", "ae", "io", "ou", "ei"};
        Set<String> words = new java.util.LinkedHashSet<>();
        while (words.size() < size) {
            StringBuilder w = new StringBuilder();
            for (int s = 2 + random.nextInt(3); s > 0; s--) {
                w.append(onsets[random.nextInt(onsets.length)]).append(vowels[random.nextInt(vowels.length)]);
            }
            if (random.nextBoolean()) {
                w.append(onsets[random.nextInt(onsets.length)]);
            }
            words.add(w.toString());
        }
        return words.toArray(String[]::new);
    }

    /** Rank r (0-based) of a Zipf(1) law over {@code size} items, by inverting the harmonic CDF approximately. */
    private static int zipf(int size, Random random) {
        double h = Math.log(size) + 0.5772;
        return Math.min(size - 1, (int) Math.floor(Math.exp(random.nextDouble() * h - 0.5772)));
    }

    static String name(Random random, String[] vocabulary) {
        int words = 2 + random.nextInt(4);
        StringBuilder name = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                name.append(' ');
            }
            int kind = random.nextInt(10);
            if (kind < 4) {
                name.append(vocabulary[zipf(vocabulary.length, random)]);
            } else if (kind < 6) {
                name.append(PREFIXES[random.nextInt(PREFIXES.length)]).append(SUFFIXES[random.nextInt(SUFFIXES.length)]);
            } else if (kind < 9) {
                name.append(QUALIFIERS[random.nextInt(QUALIFIERS.length)]);
            } else {
                name.append((char) ('A' + random.nextInt(26))).append((char) ('A' + random.nextInt(26)))
                        .append(random.nextInt(100)); // gene-like codes keep the vocabulary open-ended
            }
        }
        return name.toString();
    }
}
