package io.github.deepseek4j.arch.deepseek2;

import io.github.deepseek4j.arch.block.Linear;
import io.github.deepseek4j.arch.block.Softmax;
import io.github.deepseek4j.quant.RowParallel;
import io.github.deepseek4j.runtime.KvCache;


/**
 * Multi-head latent attention in its absorbed form, over a cache of {@code [c (kv_lora_rank) | k_pe (rope)]}
 * per position. Per head {@code h} and query position:
 * <pre>
 *   q_lat   = W_UK_hᵀ · q_nope                                  [kv_lora_rank]
 *   score_s = (q_lat · c(s) + q_pe · k_pe(s)) · kq_scale        = q · k_h(s) of the expanded form
 *   ctx     = Σ_s softmax(score)_s · c(s)                       [kv_lora_rank]
 *   out_h   = W_UV_h · ctx                                      [value_dim] = Σ_s p_s · v_h(s)
 * </pre>
 * Immutable; work is split over heads.
 */
final class LatentAttention {

    static final int LATENT = 0;

    private final DeepSeek2HyperParameters hp;

    LatentAttention(DeepSeek2HyperParameters hp) {
        this.hp = hp;
    }

    /**
     * @param q      [tokens, heads * (nope + rope)], rope already applied to each head's q_pe
     * @param values per head: W_UV_h (value_dim rows of kv_lora_rank)
     * @param out    [tokens, heads * value_dim]
     */
    void attend(float[] q, int tokens, int start, KvCache cache, int layer, KeyAbsorption keys, Linear[] values,
                DeepSeek2State s, float[] out, RowParallel parallel) {
        int heads = hp.heads();
        int rank = hp.kvLoraRank();
        int rope = hp.ropeDims();
        int headDim = hp.queryHeadDim();
        int contextLength = cache.contextLength();
        parallel.forRange(heads, (from, to) -> {
            for (int h = from; h < to; h++) {
                int scoreBase = h * contextLength;
                int lat = h * rank;
                for (int t = 0; t < tokens; t++) {
                    int positions = start + t + 1;
                    int qOffset = (t * heads + h) * headDim;
                    keys.absorb(h, q, qOffset, s.qLatent, lat, s.rowScratch, lat);
                    for (int p = 0; p < positions; p++) {
                        float score = cache.dot(layer, LATENT, p, 0, s.qLatent, lat, rank)
                                + cache.dot(layer, LATENT, p, rank, q, qOffset + hp.nopeDims(), rope);
                        s.scores[scoreBase + p] = score * hp.kqScale();
                    }
                    Softmax.inPlace(s.scores, scoreBase, positions);
                    cache.weightedSum(layer, LATENT, 0, rank, s.scores, scoreBase, positions, s.context, lat);
                    Linear v = values[h];
                    int o = (t * heads + h) * hp.valueDim();
                    for (int i = 0; i < hp.valueDim(); i++) {
                        out[o + i] = v.dot(i, s.context, lat);
                    }
                }
            }
        });
    }
}
