package io.github.deepseek4j.runtime.sampling;

/** The last {@code size} tokens and how often each occurs among them; allocated once per generation. */
final class PenaltyWindow {

    private final int[] ring;
    private final int[] counts;
    private int next;
    private int filled;

    PenaltyWindow(int size, int vocabularySize) {
        this.ring = new int[size];
        this.counts = new int[vocabularySize];
    }

    void add(int token) {
        if (ring.length == 0) {
            return;
        }
        if (filled == ring.length) {
            counts[ring[next]]--;
        } else {
            filled++;
        }
        ring[next] = token;
        counts[token]++;
        next = (next + 1) % ring.length;
    }

    /** Applies the penalties to each distinct token of the window once (as llama.cpp does). */
    void apply(float[] logits, SamplingParameters p) {
        for (int i = 0; i < filled; i++) {
            int token = ring[i];
            int count = counts[token];
            if (count <= 0) {
                continue; // already applied for an earlier occurrence
            }
            float logit = logits[token];
            logit = logit <= 0 ? (float) (logit * p.repeatPenalty()) : (float) (logit / p.repeatPenalty());
            logits[token] = (float) (logit - count * p.frequencyPenalty() - p.presencePenalty());
            counts[token] = -count; // mark as applied
        }
        for (int i = 0; i < filled; i++) {
            counts[ring[i]] = Math.abs(counts[ring[i]]);
        }
    }
}
