package io.linkrx.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class StringSimilarityTest {

    @Test
    void theDiceBoundIsNeverBelowTheDiceItBoundsAndIsReachedByContainedNames() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            long[] a = StringSimilarity.trigrams(randomWords(random));
            long[] b = StringSimilarity.trigrams(randomWords(random));
            assertThat(StringSimilarity.dice(a, b)).isLessThanOrEqualTo(StringSimilarity.diceBound(a, b));
        }
        long[] same = StringSimilarity.trigrams("breast neoplasm");
        assertThat(StringSimilarity.dice(same, same)).isEqualTo(StringSimilarity.diceBound(same, same)).isEqualTo(1.0);
        assertThat(StringSimilarity.diceBound(same, new long[0])).isZero();
    }

    private static String randomWords(Random random) {
        StringBuilder s = new StringBuilder();
        int words = 1 + random.nextInt(4);
        for (int w = 0; w < words; w++) {
            s.append(w == 0 ? "" : " ");
            int letters = 1 + random.nextInt(8);
            for (int l = 0; l < letters; l++) {
                s.append((char) ('a' + random.nextInt(4))); // a small alphabet: many shared 3-grams
            }
        }
        return s.toString();
    }
}
