package io.github.deepseek4j.runtime;

import java.util.SplittableRandom;

/** Picks the next token from logits. Instances may keep state (a random stream): one per generation. */
@FunctionalInterface
public interface Sampler {

    /** The chosen token among {@code logits[0 .. n)}; may overwrite {@code logits}. */
    int sample(float[] logits, int n);

    /** The highest logit; the lowest id wins a tie. */
    static Sampler greedy() {
        return Sampler::argmax;
    }

    /** Draws from {@code softmax(logits / temperature)} with a seeded stream, so a seed reproduces its output. */
    static Sampler temperature(double temperature, long seed) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive finite number, got " + temperature);
        }
        SplittableRandom random = new SplittableRandom(seed);
        return (logits, n) -> {
            float max = logits[argmax(logits, n)];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += Math.exp((logits[i] - max) / temperature);
            }
            double r = random.nextDouble() * sum;
            for (int i = 0; i < n; i++) {
                r -= Math.exp((logits[i] - max) / temperature);
                if (r <= 0) {
                    return i;
                }
            }
            return n - 1;
        };
    }

    static int argmax(float[] logits, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
