package io.github.deepseek4j.arch.deepseek2;

import io.github.deepseek4j.arch.block.Linear;

/**
 * Folds a head's key up-projection into its query: {@code q_lat = W_UK_hᵀ · q_nope} ({@code kv_lora_rank}
 * values), so that {@code q_nope · k_nope(s) = q_lat · c(s)} against the cached latent {@code c(s)}.
 */
interface KeyAbsorption {

    /** Writes head {@code head}'s {@code q_lat} for {@code q_nope} at {@code q[qOffset ..]} to {@code out[outOffset ..]}. */
    void absorb(int head, float[] q, int qOffset, float[] out, int outOffset, float[] rowScratch, int scratchOffset);

    /** MLA layout: {@code attn_k_b} head {@code h} already holds {@code W_UK_hᵀ} (kv_lora_rank rows of nope values). */
    static KeyAbsorption fromKeyB(Linear[] keyB) {
        return (head, q, qOffset, out, outOffset, rowScratch, scratchOffset) -> {
            Linear w = keyB[head];
            for (int c = 0; c < w.outputs(); c++) {
                out[outOffset + c] = w.dot(c, q, qOffset);
            }
        };
    }

    /**
     * Legacy layout: head {@code h}'s first {@code nope} rows of {@code attn_kv_b} are {@code W_UK_h}
     * (rows of kv_lora_rank values), so {@code q_lat = Σ_i q_nope[i] · row_i}.
     */
    static KeyAbsorption fromKvB(Linear kvB, int nope, int valueDim) {
        int rank = kvB.inputs();
        return (head, q, qOffset, out, outOffset, rowScratch, scratchOffset) -> {
            java.util.Arrays.fill(out, outOffset, outOffset + rank, 0f);
            for (int i = 0; i < nope; i++) {
                kvB.row(head * (nope + valueDim) + i, rowScratch, scratchOffset);
                float qi = q[qOffset + i];
                for (int c = 0; c < rank; c++) {
                    out[outOffset + c] += qi * rowScratch[scratchOffset + c];
                }
            }
        };
    }
}
