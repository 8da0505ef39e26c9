package io.github.deepseek4j.arch.block;

import io.github.deepseek4j.quant.RowParallel;

/**
 * A mixture-of-experts feed-forward: {@code out = Σ_chosen w_e · SwiGLU_e(x) + SwiGLU_shared(x)}, computed in
 * two steps, {@link #applyRouted} and {@link #applyShared}, so that each part can be observed.
 *
 * <p>For a batch, tokens are grouped by expert so each chosen expert's weights are read once per batch,
 * and experts no token chose are never touched (a model larger than memory pages in only what it uses).
 *
 * @param router        {@code ffn_gate_inp}: one row per expert
 * @param selectionBias {@code exp_probs_b}, or null
 * @param shared        the shared experts as one SwiGLU, or null
 */
public record MixtureOfExperts(Linear router, float[] selectionBias, MoeRouting routing, SwiGluFeedForward[] experts,
                               SwiGluFeedForward shared) {

    /** The widest hidden layer among the experts and the shared expert. */
    public int maxWidth() {
        int w = experts[0].width();
        return shared == null ? w : Math.max(w, shared.width());
    }

    /**
     * {@code out[t] = Σ_chosen w_e · SwiGLU_e(x[t])} (llama.cpp's {@code ffn_moe_out}) for {@code tokens} rows of
     * {@code embedding} values; {@code out} must not be {@code x}.
     *
     * @param layer the block's index, for the error message
     * @throws IllegalStateException naming the layer, expert and token when a router score is NaN or infinite
     *                               (corrupted {@code ffn_gate_inp} or {@code exp_probs_b} weights, or activations
     *                               that overflowed): no expert can be chosen from such scores
     */
    public void applyRouted(int layer, float[] x, int tokens, float[] out, MoeScratch s, RowParallel parallel) {
        int embedding = router.inputs();
        int used = routing.used();
        // ffn_moe_logits [tokens, experts]; chosen ids and weights [tokens, used]
        router.apply(x, tokens, s.logits, parallel);
        checkFinite(layer, s.logits, tokens);
        for (int t = 0; t < tokens; t++) {
            routing.route(s.logits, t * routing.expertCount(), selectionBias, s.chosen, s.weights, t * used,
                    s.probs, s.scores);
        }
        java.util.Arrays.fill(out, 0, tokens * embedding, 0f);
        for (int e = 0; e < experts.length; e++) {
            int n = 0;
            for (int i = 0; i < tokens * used; i++) {
                if (s.chosen[i] == e) {
                    s.slot[n] = i;
                    System.arraycopy(x, (i / used) * embedding, s.gathered, n * embedding, embedding);
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            experts[e].apply(s.gathered, n, s.gate, s.up, s.expertOut, parallel);
            for (int j = 0; j < n; j++) {
                int slot = s.slot[j];
                float w = s.weights[slot];
                int o = (slot / used) * embedding;
                for (int i = 0; i < embedding; i++) {
                    out[o + i] += w * s.expertOut[j * embedding + i];
                }
            }
        }
    }

    /**
     * {@code SwiGLU_shared(x[t])} (llama.cpp's {@code ffn_shexp}) for {@code tokens} rows, in a buffer of
     * {@code s} that stays valid until its next use; only when there are {@link #shared()} experts.
     */
    public float[] applyShared(float[] x, int tokens, MoeScratch s, RowParallel parallel) {
        shared.apply(x, tokens, s.gate, s.up, s.expertOut, parallel);
        return s.expertOut;
    }

    private void checkFinite(int layer, float[] logits, int tokens) {
        int count = routing.expertCount();
        for (int i = 0; i < tokens * count; i++) {
            float bias = selectionBias == null ? 0 : selectionBias[i % count];
            if (!Float.isFinite(logits[i]) || !Float.isFinite(bias)) {
                String what = Float.isFinite(logits[i]) ? "selection bias (exp_probs_b) " + bias
                        : "router score (ffn_gate_inp) " + logits[i];
                throw new IllegalStateException("layer " + layer + ": " + what + " of expert " + i % count
                        + " for token " + i / count + " is not a finite number; the model's weights or its"
                        + " activations are corrupted, so no expert can be chosen");
            }
        }
    }
}
