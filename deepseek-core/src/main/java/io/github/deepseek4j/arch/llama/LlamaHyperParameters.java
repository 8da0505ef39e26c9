package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.ArchMetadata;
import io.github.deepseek4j.arch.block.RopeStyle;

import static io.github.deepseek4j.arch.ArchMetadata.*;

/**
 * The sizes of a llama-family model, all read from metadata.
 *
 * @param headDim  values per query/key head ({@code attention.key_length}, default embedding / heads)
 * @param valueDim values per value head ({@code attention.value_length}, default headDim)
 * @param ropeDims rotated values per head ({@code rope.dimension_count}, default headDim)
 */
public record LlamaHyperParameters(String architecture, int embedding, int layers, int heads, int kvHeads,
                                   int headDim, int valueDim, int ropeDims, double ropeBase, RopeStyle ropeStyle,
                                   float rmsEps, int feedForward, int vocabulary, int contextLength) {

    public static LlamaHyperParameters read(ArchMetadata md, RopeStyle ropeStyle)
            throws ModelFormatException {
        int embedding = md.size(EMBEDDING_LENGTH);
        int heads = md.size(ATTENTION_HEAD_COUNT);
        int kvHeads = md.size(ATTENTION_HEAD_COUNT_KV, heads);
        if (heads % kvHeads != 0) {
            throw md.invalid(ATTENTION_HEAD_COUNT_KV, kvHeads, "a divisor of " + md.key(ATTENTION_HEAD_COUNT) + " = " + heads);
        }
        int headDim = md.size(ATTENTION_KEY_LENGTH, embedding / heads);
        int valueDim = md.size(ATTENTION_VALUE_LENGTH, headDim);
        if (headDim == 0) {
            throw md.invalid(ATTENTION_HEAD_COUNT, heads, "at most " + md.key(EMBEDDING_LENGTH) + " = " + embedding);
        }
        int ropeDims = md.size(ROPE_DIMENSION_COUNT, headDim);
        if (ropeDims % 2 != 0 || ropeDims > headDim) {
            throw md.invalid(ROPE_DIMENSION_COUNT, ropeDims, "an even number <= the head size " + headDim);
        }
        double ropeBase = md.number(ROPE_FREQ_BASE, DEFAULT_ROPE_FREQ_BASE);
        if (!(ropeBase > 1)) {
            throw md.invalid(ROPE_FREQ_BASE, ropeBase, "a number > 1");
        }
        return new LlamaHyperParameters(md.architecture(), embedding, md.size(BLOCK_COUNT), heads, kvHeads, headDim,
                valueDim, ropeDims, ropeBase, ropeStyle, (float) md.positiveNumber(ATTENTION_LAYER_NORM_RMS_EPSILON),
                md.size(FEED_FORWARD_LENGTH), md.vocabulary(), md.size(CONTEXT_LENGTH));
    }

    /** Query values per token: heads * headDim. */
    public int queryWidth() {
        return heads * headDim;
    }

    /** Cached key values per token and layer: kvHeads * headDim. */
    public int keyWidth() {
        return kvHeads * headDim;
    }

    /** Cached value values per token and layer: kvHeads * valueDim. */
    public int valueWidth() {
        return kvHeads * valueDim;
    }

    /** Attention output values per token: heads * valueDim. */
    public int attentionWidth() {
        return heads * valueDim;
    }
}
