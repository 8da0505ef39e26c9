package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.ArchMetadata;
import io.github.deepseek4j.arch.block.Rope;
import io.github.deepseek4j.arch.block.RopeStyle;

import static io.github.deepseek4j.arch.ArchMetadata.DEFAULT_ROPE_FREQ_BASE;
import static io.github.deepseek4j.gguf.MetadataKey.*;

/**
 * The sizes of a llama-family model, all read from metadata.
 *
 * @param headDim  values per query/key head ({@code attention.key_length}, default embedding / heads)
 * @param valueDim values per value head ({@code attention.value_length}, default headDim)
 * @param ropeDims rotated values per head ({@code rope.dimension_count}, default headDim)
 */
public record LlamaHyperParameters(String architecture, int embedding, int layers, int heads, int kvHeads,
                                   int headDim, int valueDim, int ropeDims, Rope rope, float rmsEps, int feedForward, int vocabulary, int contextLength) {

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
        return new LlamaHyperParameters(md.architecture(), embedding, md.size(BLOCK_COUNT), heads, kvHeads, headDim,
                valueDim, ropeDims, rope(md, ropeStyle, ropeDims), (float) md.positiveNumber(ATTENTION_LAYER_NORM_RMS_EPSILON),
                md.size(FEED_FORWARD_LENGTH), md.vocabulary(), md.size(CONTEXT_LENGTH));
    }

    /**
     * The rope the metadata asks for: plain, linear ({@code rope.scaling.type = "linear"} or the older
     * {@code rope.scale_linear}), or YaRN, which for these architectures also scales the rotated values by
     * {@code attn_factor · (1 + 0.1 · ln(factor))} as llama.cpp does.
     */
    static Rope rope(ArchMetadata md, RopeStyle style, int ropeDims) throws ModelFormatException {
        double base = md.number(ROPE_FREQ_BASE, DEFAULT_ROPE_FREQ_BASE);
        if (!(base > 1)) {
            throw md.invalid(ROPE_FREQ_BASE, base, "a number > 1");
        }
        String type = md.string(ROPE_SCALING_TYPE, md.contains(ROPE_SCALE_LINEAR) ? "linear" : "none");
        return switch (type) {
            case "none" -> Rope.standard(style, ropeDims, base);
            case "linear" -> Rope.linear(style, ropeDims, base, md.contains(ROPE_SCALING_FACTOR)
                    ? md.positiveNumber(ROPE_SCALING_FACTOR) : md.positiveNumber(ROPE_SCALE_LINEAR));
            case "yarn" -> {
                double factor = md.positiveNumber(ROPE_SCALING_FACTOR);
                yield Rope.yarn(style, ropeDims, base, factor, md.size(ROPE_SCALING_ORIGINAL_CONTEXT_LENGTH))
                        .withMagnitude(md.number(ROPE_SCALING_ATTN_FACTOR, 1) * (1 + 0.1 * Math.log(factor)));
            }
            default -> throw md.invalid(ROPE_SCALING_TYPE, type, "\"none\", \"linear\" or \"yarn\"");
        };
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
