package io.github.deepseek4j.runtime.sampling;

import io.github.deepseek4j.runtime.Logits;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sampler of one generation: applies {@link SamplingParameters} to the logits and picks a token.
 * Deterministic: the same parameters, seed and logits give the same tokens on any thread (the logits
 * themselves do not depend on the thread count). Buffers are allocated once, so sampling a token
 * allocates nothing. Not thread-safe.
 */
public final class TokenSampler {

    private final SamplingParameters p;
    private final int vocabularySize;
    private final PenaltyWindow window;
    private final SplittableRandom random;
    private long[] order;      // candidates sorted by logit, packed as (descending key << 32 | id)
    private float[] weights;   // their unnormalized probabilities

    public TokenSampler(SamplingParameters parameters, int vocabularySize) {
        this.p = parameters;
        this.vocabularySize = vocabularySize;
        for (int id : p.logitBias().keySet()) {
            if (id < 0 || id >= vocabularySize) {
                throw new IllegalArgumentException("logit bias for token " + id + " outside the vocabulary of "
                        + vocabularySize);
            }
        }
        this.window = p.penalizes() ? new PenaltyWindow(p.penaltyWindow(), vocabularySize) : null;
        this.random = new SplittableRandom(p.seed());
    }

    /** Records a token of the context (prompt or generated) for the penalties. */
    public void accept(int token) {
        if (window != null) {
            window.add(token);
        }
    }

    /** Chooses among {@code logits[0 .. n)} and {@linkplain #accept accepts} the choice; overwrites {@code logits}. */
    public int sample(float[] logits, int n) {
        for (Map.Entry<Integer, Float> bias : p.logitBias().entrySet()) {
            if (bias.getKey() < n) {
                logits[bias.getKey()] += bias.getValue();
            }
        }
        if (window != null) {
            window.apply(logits, p);
        }
        int token = p.temperature() == 0 ? Logits.argmax(logits, n) : draw(logits, n);
        accept(token);
        return token;
    }

    private int draw(float[] logits, int n) {
        if (order == null) {
            order = new long[vocabularySize];
            weights = new float[vocabularySize];
        }
        int count = filters() ? sortDescending(logits, n) : allCandidates(logits, n);
        if (p.topK() > 0) {
            count = Math.min(count, p.topK());
        }
        float max = logits[Logits.argmax(logits, n)];
        count = keepTopP(logits, count, max);
        count = keepMinP(logits, count, max);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = (float) Math.exp((logits[id(order[i])] - max) / p.temperature());
            sum += weights[i];
        }
        double r = random.nextDouble() * sum;
        for (int i = 0; i < count; i++) {
            r -= weights[i];
            if (r < 0) {
                return id(order[i]);
            }
        }
        return id(order[count - 1]);
    }

    private boolean filters() {
        return p.topK() > 0 || p.topP() < 1 || p.minP() > 0;
    }

    /** Every token that is not banned, in id order. */
    private int allCandidates(float[] logits, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (logits[i] != Float.NEGATIVE_INFINITY) {
                order[count++] = i;
            }
        }
        return requireCandidates(count);
    }

    private static int requireCandidates(int count) {
        if (count == 0) {
            throw new IllegalStateException("every token is banned by the logit bias");
        }
        return count;
    }

    /** Sorts ids by logit, highest first, lower id first on ties; {@code -Infinity} (banned) tokens are left out. */
    private int sortDescending(float[] logits, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (logits[i] != Float.NEGATIVE_INFINITY) {
                int bits = Float.floatToIntBits(logits[i]);
                int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
                order[count++] = ((long) ~ascending << 32) | i;
            }
        }
        Arrays.sort(order, 0, requireCandidates(count));
        return count;
    }

    /** The smallest prefix whose softmax probability (at temperature 1) reaches top-p. */
    private int keepTopP(float[] logits, int count, float max) {
        if (p.topP() >= 1) {
            return count;
        }
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += Math.exp(logits[id(order[i])] - max);
        }
        double cumulative = 0;
        for (int i = 0; i < count; i++) {
            cumulative += Math.exp(logits[id(order[i])] - max) / total;
            if (cumulative >= p.topP()) {
                return i + 1;
            }
        }
        return count;
    }

    /** Drops the tail less likely than min-p times the most likely token: {@code logit < max + ln(minP)}. */
    private int keepMinP(float[] logits, int count, float max) {
        if (p.minP() <= 0) {
            return count;
        }
        double threshold = max + Math.log(p.minP());
        int keep = 1;
        while (keep < count && logits[id(order[keep])] >= threshold) {
            keep++;
        }
        return keep;
    }

    private static int id(long packed) {
        return (int) packed;
    }
}
