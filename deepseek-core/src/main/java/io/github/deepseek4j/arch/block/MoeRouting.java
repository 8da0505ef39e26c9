package io.github.deepseek4j.arch.block;

/**
 * Mixture-of-experts routing for one token, with DeepSeek-V2/V3's differences as parameters:
 * <pre>
 *   p      = softmax(logits) or sigmoid(logits)
 *   score  = p + selection bias            (when the model has exp_probs_b)
 *   groups: keep the best groupUsed of groupCount groups (group score = sum of its two best scores)
 *   chosen = the `used` experts with the highest score;  w_e = p_e (the bias only chooses)
 *   w_e   /= Σ w_chosen  (normalize);  w_e *= scale
 * </pre>
 *
 * @param groupCount 0 or 1: no group limit
 */
public record MoeRouting(ExpertGating gating, int expertCount, int used, boolean normalize, float scale,
                         int groupCount, int groupUsed) {

    public MoeRouting {
        if (used < 1 || used > expertCount) {
            throw new IllegalArgumentException("experts used per token " + used + " must be in 1.." + expertCount);
        }
        if (groupCount > 1 && (expertCount % groupCount != 0 || groupUsed < 1 || groupUsed > groupCount)) {
            throw new IllegalArgumentException(expertCount + " experts cannot form " + groupCount
                    + " groups of which " + groupUsed + " are used");
        }
    }

    /**
     * Chooses the experts for the router logits at {@code logits[offset ..]}; writes their ids to
     * {@code chosen[outOffset ..]} and weights to {@code weights[outOffset ..]} ({@link #used()} each).
     *
     * @param selectionBias per-expert bias added for choosing only, or null
     * @param probs, scores scratch of {@link #expertCount()} floats
     */
    public void route(float[] logits, int offset, float[] selectionBias, int[] chosen, float[] weights, int outOffset,
                      float[] probs, float[] scores) {
        System.arraycopy(logits, offset, probs, 0, expertCount);
        if (gating == ExpertGating.SOFTMAX) {
            Softmax.inPlace(probs, 0, expertCount);
        } else {
            for (int e = 0; e < expertCount; e++) {
                probs[e] = (float) (1 / (1 + Math.exp(-probs[e])));
            }
        }
        for (int e = 0; e < expertCount; e++) {
            scores[e] = selectionBias == null ? probs[e] : probs[e] + selectionBias[e];
        }
        if (groupCount > 1 && groupUsed < groupCount) {
            limitToBestGroups(scores);
        }
        float sum = 0;
        for (int j = 0; j < used; j++) {
            int best = 0;
            for (int e = 1; e < expertCount; e++) {
                if (scores[e] > scores[best]) {
                    best = e;
                }
            }
            scores[best] = Float.NEGATIVE_INFINITY;
            chosen[outOffset + j] = best;
            weights[outOffset + j] = probs[best];
            sum += probs[best];
        }
        for (int j = 0; j < used; j++) {
            weights[outOffset + j] = (normalize ? weights[outOffset + j] / sum : weights[outOffset + j]) * scale;
        }
    }

    /** Sets the scores of experts outside the best {@code groupUsed} groups to -infinity. */
    private void limitToBestGroups(float[] scores) {
        int size = expertCount / groupCount;
        float[] groupScore = new float[groupCount];
        for (int g = 0; g < groupCount; g++) {
            float first = Float.NEGATIVE_INFINITY;
            float second = Float.NEGATIVE_INFINITY;
            for (int e = g * size; e < (g + 1) * size; e++) {
                if (scores[e] > first) {
                    second = first;
                    first = scores[e];
                } else if (scores[e] > second) {
                    second = scores[e];
                }
            }
            groupScore[g] = size == 1 ? first : first + second;
        }
        boolean[] keep = new boolean[groupCount];
        for (int k = 0; k < groupUsed; k++) {
            int best = -1;
            for (int g = 0; g < groupCount; g++) {
                if (!keep[g] && (best < 0 || groupScore[g] > groupScore[best])) {
                    best = g;
                }
            }
            keep[best] = true;
        }
        for (int g = 0; g < groupCount; g++) {
            if (!keep[g]) {
                java.util.Arrays.fill(scores, g * size, (g + 1) * size, Float.NEGATIVE_INFINITY);
            }
        }
    }
}
