package io.linkrx.retrieve;

import java.util.Arrays;

/**
 * A reusable sparse score accumulator over dense ids: O(touched) to read and reset, so a query never
 * scans or reallocates arrays the size of the knowledge base.
 */
final class ScoreBuffer {
    final float[] scores;
    final int[] touched;
    int size;

    ScoreBuffer(int capacity) {
        scores = new float[capacity];
        touched = new int[capacity];
    }

    void add(int id, float value) {
        if (scores[id] == 0f) {
            touched[size++] = id;
        }
        scores[id] += value;
    }

    void max(int id, float value) {
        if (scores[id] == 0f) {
            touched[size++] = id;
            scores[id] = value;
        } else if (value > scores[id]) {
            scores[id] = value;
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            scores[touched[i]] = 0f;
        }
        size = 0;
    }

    @Override
    public String toString() {
        return "ScoreBuffer" + Arrays.toString(Arrays.copyOf(touched, size));
    }
}
