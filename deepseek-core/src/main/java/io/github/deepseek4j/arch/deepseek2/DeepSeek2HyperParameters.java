package io.github.deepseek4j.arch.deepseek2;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.ArchMetadata;
import io.github.deepseek4j.arch.block.ExpertGating;
import io.github.deepseek4j.arch.block.MoeRouting;
import io.github.deepseek4j.arch.block.Rope;
import io.github.deepseek4j.arch.block.RopeStyle;

import static io.github.deepseek4j.arch.ArchMetadata.DEFAULT_ROPE_FREQ_BASE;
import static io.github.deepseek4j.gguf.MetadataKey.*;

/**
 * The sizes of a DeepSeek-V2/V3 model, all read from metadata, for both GGUF layouts (legacy {@code attn_kv_b};
 * MLA {@code attn_k_b}/{@code attn_v_b}, whose per-head sizes are in the {@code *_mla} keys).
 *
 * @param layers      blocks that run; the file's last {@code nextnLayers} blocks (multi-token prediction) do not
 * @param qLoraRank   0 when queries are a plain projection ({@code attn_q}, V2-Lite)
 * @param nopeDims    per-head query/key values without rope
 * @param ropeDims    per-head rope values (the shared {@code k_pe} has as many)
 * @param valueDim    per-head value values
 * @param mlaLayout   the file has {@code attn_k_b}/{@code attn_v_b} rather than {@code attn_kv_b}
 * @param kqScale     attention scale, YaRN's correction included
 * @param routing     null when the model has no experts
 */
public record DeepSeek2HyperParameters(String architecture, int embedding, int layers, int nextnLayers, int heads,
                                       int qLoraRank, int kvLoraRank, int nopeDims, int ropeDims, int valueDim,
                                       boolean mlaLayout, Rope rope, float kqScale, float rmsEps, int feedForward,
                                       int leadingDenseLayers, int expertFeedForward, int sharedExperts,
                                       MoeRouting routing, int vocabulary, int contextLength) {

    /** YaRN's fixed correction ramp is applied by {@link Rope#yarn}; this is the scaling type that asks for it. */
    public static final String YARN = "yarn";

    public static DeepSeek2HyperParameters read(ArchMetadata md) throws ModelFormatException {
        int embedding = md.size(EMBEDDING_LENGTH);
        int blocks = md.size(BLOCK_COUNT);
        int nextn = md.count(NEXTN_PREDICT_LAYERS, 0);
        if (nextn >= blocks) {
            throw md.invalid(NEXTN_PREDICT_LAYERS, nextn, "fewer than " + md.key(BLOCK_COUNT) + " = " + blocks);
        }
        int heads = md.size(ATTENTION_HEAD_COUNT);
        int ropeDims = md.size(ROPE_DIMENSION_COUNT);
        if (ropeDims % 2 != 0) {
            throw md.invalid(ROPE_DIMENSION_COUNT, ropeDims, "an even number");
        }
        boolean mla = md.contains(ATTENTION_KEY_LENGTH_MLA);
        int keyLength = mla ? md.size(ATTENTION_KEY_LENGTH_MLA) : md.size(ATTENTION_KEY_LENGTH);
        int valueDim = mla ? md.size(ATTENTION_VALUE_LENGTH_MLA) : md.size(ATTENTION_VALUE_LENGTH);
        if (keyLength <= ropeDims) {
            throw md.invalid(mla ? ATTENTION_KEY_LENGTH_MLA : ATTENTION_KEY_LENGTH, keyLength,
                    "more than " + md.key(ROPE_DIMENSION_COUNT) + " = " + ropeDims);
        }
        double base = md.number(ROPE_FREQ_BASE, DEFAULT_ROPE_FREQ_BASE);
        if (!(base > 1)) {
            throw md.invalid(ROPE_FREQ_BASE, base, "a number > 1");
        }
        Rope rope;
        double mscale = 1;
        String scaling = md.string(ROPE_SCALING_TYPE, "none");
        if (YARN.equals(scaling)) {
            double factor = md.positiveNumber(ROPE_SCALING_FACTOR);
            rope = Rope.yarn(RopeStyle.NORMAL, ropeDims, base, factor, md.size(ROPE_SCALING_ORIGINAL_CONTEXT_LENGTH));
            mscale = 1 + md.number(ROPE_SCALING_YARN_LOG_MULTIPLIER, 0) * Math.log(factor);
        } else if ("none".equals(scaling)) {
            rope = Rope.standard(RopeStyle.NORMAL, ropeDims, base);
        } else {
            throw md.invalid(ROPE_SCALING_TYPE, scaling, "\"yarn\" or \"none\"");
        }
        int experts = md.count(EXPERT_COUNT, 0);
        MoeRouting routing = null;
        int expertFfn = 0;
        int shared = 0;
        if (experts > 0) {
            int code = md.count(EXPERT_GATING_FUNC, 1);
            ExpertGating gating = ExpertGating.fromCode(code);
            if (gating == null) {
                throw md.invalid(EXPERT_GATING_FUNC, code, "1 (softmax) or 2 (sigmoid)");
            }
            int used = md.size(EXPERT_USED_COUNT);
            if (used > experts) {
                throw md.invalid(EXPERT_USED_COUNT, used, "at most " + md.key(EXPERT_COUNT) + " = " + experts);
            }
            int groups = md.count(EXPERT_GROUP_COUNT, 0);
            int groupsUsed = md.count(EXPERT_GROUP_USED_COUNT, groups);
            if (groups > 1 && (experts % groups != 0 || groupsUsed < 1 || groupsUsed > groups)) {
                throw md.invalid(EXPERT_GROUP_USED_COUNT, groupsUsed, "1.." + groups + " with " + experts
                        + " experts divisible into " + groups + " groups");
            }
            routing = new MoeRouting(gating, experts, used, md.flag(EXPERT_WEIGHTS_NORM, false),
                    (float) md.number(EXPERT_WEIGHTS_SCALE, 1.0), groups, groupsUsed);
            expertFfn = md.size(EXPERT_FEED_FORWARD_LENGTH);
            shared = md.count(EXPERT_SHARED_COUNT, 0);
        }
        int layers = blocks - nextn;
        int leading = experts > 0 ? Math.min(md.count(LEADING_DENSE_BLOCK_COUNT, 0), layers) : layers;
        return new DeepSeek2HyperParameters(md.architecture(), embedding, layers, nextn, heads,
                md.count(ATTENTION_Q_LORA_RANK, 0), md.size(ATTENTION_KV_LORA_RANK), keyLength - ropeDims, ropeDims,
                valueDim, mla, rope, (float) (mscale * mscale / Math.sqrt(keyLength)),
                (float) md.positiveNumber(ATTENTION_LAYER_NORM_RMS_EPSILON),
                leading > 0 ? md.size(FEED_FORWARD_LENGTH) : 0, leading, expertFfn, shared, routing, md.vocabulary(),
                md.size(CONTEXT_LENGTH));
    }

    /** Per-head query values: nope + rope. */
    public int queryHeadDim() {
        return nopeDims + ropeDims;
    }

    /** Cached values per position and layer: the normalized latent and the roped shared key. */
    public int latentWidth() {
        return kvLoraRank + ropeDims;
    }

    /** Values per position over all layers that a cache of expanded per-head keys and values would hold instead. */
    public long expandedCacheValuesPerToken() {
        return (long) layers * heads * (queryHeadDim() + valueDim);
    }
}
