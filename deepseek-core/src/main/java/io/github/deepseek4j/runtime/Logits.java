package io.github.deepseek4j.runtime;

/** Small operations on a row of logits. */
public final class Logits {

    private Logits() {
    }

    /** The id of the largest of the first {@code n} logits (the lowest id on ties), as greedy decoding picks. */
    public static int argmax(float[] logits, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
