package io.github.deepseek4j.arch.block;

import io.github.deepseek4j.quant.RowParallel;
import io.github.deepseek4j.runtime.KvCache;


/**
 * Causal multi-head attention over a layer's cached keys and values, with grouped-query sharing:
 * query head {@code h} reads KV head {@code h / (heads / kvHeads)}. Per head:
 * {@code softmax(q·kᵀ · scale) · V} over positions {@code 0..pos}.
 *
 * <p>Keys live in cache stream {@link #KEYS} ({@code kvHeads * keyLength} values per position), values
 * in stream {@link #VALUES} ({@code kvHeads * valueLength}). Immutable; work is split over heads.
 */
public final class CausalAttention {

    public static final int KEYS = 0;
    public static final int VALUES = 1;

    private final int heads;
    private final int kvHeads;
    private final int keyLength;
    private final int valueLength;
    private final float scale;

    public CausalAttention(int heads, int kvHeads, int keyLength, int valueLength, float scale) {
        if (heads <= 0 || kvHeads <= 0 || heads % kvHeads != 0) {
            throw new IllegalArgumentException("head count " + heads + " must be a positive multiple of the KV head count "
                    + kvHeads);
        }
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.keyLength = keyLength;
        this.valueLength = valueLength;
        this.scale = scale;
    }

    /** Cache stream widths this attention expects: keys, then values. */
    public int[] cacheWidths() {
        return new int[] {kvHeads * keyLength, kvHeads * valueLength};
    }

    /** Scratch floats {@link #attend} needs in {@code scores}. */
    public int scoresSize(int contextLength) {
        return Math.multiplyExact(heads, contextLength);
    }

    /**
     * For {@code tokens} queries at positions {@code start, start+1, ...} (their keys and values already
     * cached), writes each head's output to {@code out[t*heads*valueLength + h*valueLength ..]}.
     *
     * @param q      [tokens, heads * keyLength]
     * @param scores scratch of {@link #scoresSize} floats for the cache's context length
     */
    public void attend(float[] q, int tokens, int start, KvCache cache, int layer, float[] scores, float[] out,
                       RowParallel parallel) {
        int contextLength = cache.contextLength();
        int group = heads / kvHeads;
        parallel.forRange(heads, (from, to) -> {
            for (int h = from; h < to; h++) {
                int kvHead = h / group;
                int scoreBase = h * contextLength;
                for (int t = 0; t < tokens; t++) {
                    int positions = start + t + 1;
                    int qOffset = (t * heads + h) * keyLength;
                    for (int s = 0; s < positions; s++) {
                        scores[scoreBase + s] = cache.dot(layer, KEYS, s, kvHead * keyLength, q, qOffset, keyLength)
                                * scale;
                    }
                    Softmax.inPlace(scores, scoreBase, positions);
                    cache.weightedSum(layer, VALUES, kvHead * valueLength, valueLength, scores, scoreBase, positions,
                            out, (t * heads + h) * valueLength);
                }
            }
        });
    }
}
