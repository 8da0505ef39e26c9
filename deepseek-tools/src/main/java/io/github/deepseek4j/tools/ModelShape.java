package io.github.deepseek4j.tools;

import io.github.deepseek4j.gguf.GgufWriter;

import java.util.Arrays;
import java.util.Locale;

/**
 * A model's hyper-parameters as the tools that write GGUF files need them: the real models that
 * {@code synth} imitates, or what {@code convert} reads from a checkpoint's config.
 *
 * @param qLoraRank        0 when queries are a plain projection (V2-Lite, dense models)
 * @param experts          0 for dense models
 * @param expertGroups     expert groups for group-limited routing (V3), 0 when unused
 */
public record ModelShape(String name, String architecture, String realModel, String preTokenizer,
                         int vocabulary, int embedding, int layers, int heads, int kvHeads, int feedForward,
                         int contextLength, float ropeBase, float rmsEps, boolean qkvBias,
                         int qLoraRank, int kvLoraRank, int qkNope, int qkRope, int valueDim,
                         int leadingDense, int experts, int expertsUsed, int sharedExperts, int expertFeedForward,
                         float expertWeightsScale, boolean expertWeightsNorm, int gatingFunc,
                         int expertGroups, int expertGroupsUsed, float yarnFactor, int yarnOriginalContext,
                         float yarnLogMultiplier) {

    public static final ModelShape QWEN2_1_5B = dense("qwen2-1.5b", "qwen2", "DeepSeek-R1-Distill-Qwen-1.5B", "qwen2",
            151_936, 1536, 28, 12, 2, 8960, 131_072, 10_000f, 1e-6f, true);
    public static final ModelShape LLAMA_8B = dense("llama-8b", "llama", "DeepSeek-R1-Distill-Llama-8B", "llama-bpe",
            128_256, 4096, 32, 32, 8, 14_336, 131_072, 500_000f, 1e-5f, false);
    public static final ModelShape DEEPSEEK_V2_LITE = new ModelShape("deepseek-v2-lite", "deepseek2",
            "DeepSeek-V2-Lite", "deepseek-llm", 102_400, 2048, 27, 16, 16, 10_944, 163_840, 10_000f, 1e-6f, false,
            0, 512, 128, 64, 128, 1, 64, 6, 2, 1408, 1.0f, false, 1, 0, 0, 40f, 4096, 0.0707f);
    public static final ModelShape DEEPSEEK_V3 = new ModelShape("deepseek-v3", "deepseek2",
            "DeepSeek-V3 / R1", "deepseek-v3", 129_280, 7168, 61, 128, 128, 18_432, 163_840, 10_000f, 1e-6f, false,
            1536, 512, 128, 64, 128, 3, 256, 8, 1, 2048, 2.5f, true, 2, 8, 4, 40f, 4096, 0.1f);

    private static final ModelShape[] ALL = {QWEN2_1_5B, LLAMA_8B, DEEPSEEK_V2_LITE, DEEPSEEK_V3};

    private static ModelShape dense(String name, String arch, String real, String pre, int vocab, int embd, int layers,
                                    int heads, int kvHeads, int ff, int ctx, float ropeBase, float eps, boolean bias) {
        return new ModelShape(name, arch, real, pre, vocab, embd, layers, heads, kvHeads, ff, ctx, ropeBase, eps, bias,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0f, false, 0, 0, 0, 0f, 0, 0f);
    }

    /** The shape called {@code name} (e.g. "deepseek-v2-lite"). */
    public static ModelShape byName(String name) {
        for (ModelShape s : ALL) {
            if (s.name.equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + name + "'; known: " + names());
    }

    public static String names() {
        return Arrays.stream(ALL).map(ModelShape::name).toList().toString();
    }

    /** The same shape with only the first {@code n} layers (to fit a huge model in memory). */
    public ModelShape withLayers(int n) {
        if (n < 1 || n > layers) {
            throw new IllegalArgumentException("--layers must be 1 to " + layers + " for " + name + ", got " + n);
        }
        return new ModelShape(name, architecture, realModel, preTokenizer, vocabulary, embedding, n, heads, kvHeads,
                feedForward, contextLength, ropeBase, rmsEps, qkvBias, qLoraRank, kvLoraRank, qkNope, qkRope, valueDim,
                Math.min(leadingDense, n), experts, expertsUsed, sharedExperts, expertFeedForward, expertWeightsScale,
                expertWeightsNorm, gatingFunc, expertGroups, expertGroupsUsed, yarnFactor, yarnOriginalContext,
                yarnLogMultiplier);
    }

    public boolean isMixtureOfExperts() {
        return experts > 0;
    }

    public int headDim() {
        return embedding / heads;
    }

    /** Writes the {@code <arch>.*} hyper-parameter keys llama.cpp reads for this architecture. */
    public void putHyperParameters(GgufWriter w) {
        String a = architecture;
        w.putUint32(a + ".context_length", contextLength);
        w.putUint32(a + ".embedding_length", embedding);
        w.putUint32(a + ".block_count", layers);
        w.putUint32(a + ".feed_forward_length", feedForward);
        w.putUint32(a + ".attention.head_count", heads);
        w.putUint32(a + ".attention.head_count_kv", kvHeads);
        w.putFloat32(a + ".rope.freq_base", ropeBase);
        w.putFloat32(a + ".attention.layer_norm_rms_epsilon", rmsEps);
        w.putUint32(a + ".vocab_size", vocabulary);
        if (!isMixtureOfExperts()) {
            w.putUint32(a + ".rope.dimension_count", headDim());
            return;
        }
        w.putUint32(a + ".rope.dimension_count", qkRope);
        w.putUint32(a + ".leading_dense_block_count", leadingDense);
        if (qLoraRank > 0) {
            w.putUint32(a + ".attention.q_lora_rank", qLoraRank);
        }
        w.putUint32(a + ".attention.kv_lora_rank", kvLoraRank);
        w.putUint32(a + ".attention.key_length", qkNope + qkRope);
        w.putUint32(a + ".attention.value_length", valueDim);
        w.putUint32(a + ".expert_feed_forward_length", expertFeedForward);
        w.putUint32(a + ".expert_count", experts);
        w.putUint32(a + ".expert_shared_count", sharedExperts);
        w.putUint32(a + ".expert_used_count", expertsUsed);
        w.putFloat32(a + ".expert_weights_scale", expertWeightsScale);
        w.putBool(a + ".expert_weights_norm", expertWeightsNorm);
        w.putUint32(a + ".expert_gating_func", gatingFunc);
        if (expertGroups > 1) {
            w.putUint32(a + ".expert_group_count", expertGroups);
            w.putUint32(a + ".expert_group_used_count", expertGroupsUsed);
        }
        if (yarnFactor > 0) {
            w.putString(a + ".rope.scaling.type", "yarn");
            w.putFloat32(a + ".rope.scaling.factor", yarnFactor);
            w.putUint32(a + ".rope.scaling.original_context_length", yarnOriginalContext);
            w.putFloat32(a + ".rope.scaling.yarn_log_multiplier", yarnLogMultiplier);
        }
    }
}
