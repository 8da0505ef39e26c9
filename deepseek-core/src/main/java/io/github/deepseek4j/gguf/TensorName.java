package io.github.deepseek4j.gguf;

/**
 * The GGUF tensor names of the architectures this library loads and writes, in one table (as llama.cpp's
 * {@code llama-arch}): model loaders, the synthetic-model writer, the converter and the quantizer's rules all
 * name tensors through it. Per-layer tensors live under {@code blk.<layer>.}; the others are global.
 */
public enum TensorName {
    TOKEN_EMBD("token_embd", false),
    OUTPUT_NORM("output_norm", false),
    OUTPUT("output", false),
    ROPE_FREQS("rope_freqs", false),

    ATTN_NORM("attn_norm", true),
    ATTN_Q("attn_q", true),
    ATTN_K("attn_k", true),
    ATTN_V("attn_v", true),
    ATTN_QKV("attn_qkv", true),
    ATTN_OUTPUT("attn_output", true),
    ATTN_Q_NORM("attn_q_norm", true),
    ATTN_K_NORM("attn_k_norm", true),
    // multi-head latent attention (DeepSeek-V2/V3)
    ATTN_Q_A("attn_q_a", true),
    ATTN_Q_A_NORM("attn_q_a_norm", true),
    ATTN_Q_B("attn_q_b", true),
    ATTN_KV_A_MQA("attn_kv_a_mqa", true),
    ATTN_KV_A_NORM("attn_kv_a_norm", true),
    ATTN_KV_B("attn_kv_b", true),
    ATTN_K_B("attn_k_b", true),
    ATTN_V_B("attn_v_b", true),

    FFN_NORM("ffn_norm", true),
    FFN_GATE("ffn_gate", true),
    FFN_UP("ffn_up", true),
    FFN_DOWN("ffn_down", true),
    // mixture of experts: the router, its selection bias, the stacked routed experts and the shared experts
    FFN_GATE_INP("ffn_gate_inp", true),
    FFN_EXP_PROBS_B("exp_probs_b", true),
    FFN_GATE_EXPS("ffn_gate_exps", true),
    FFN_UP_EXPS("ffn_up_exps", true),
    FFN_DOWN_EXPS("ffn_down_exps", true),
    FFN_GATE_SHEXP("ffn_gate_shexp", true),
    FFN_UP_SHEXP("ffn_up_shexp", true),
    FFN_DOWN_SHEXP("ffn_down_shexp", true);

    private final String base;
    private final boolean perLayer;

    TensorName(String base, boolean perLayer) {
        this.base = base;
        this.perLayer = perLayer;
    }

    /** The name without layer and suffix, e.g. {@code attn_q}. */
    public String base() {
        return base;
    }

    /** The weight of a global tensor, e.g. {@code output.weight}. */
    public String weight() {
        if (perLayer) {
            throw new IllegalStateException(this + " is a per-layer tensor: name its layer");
        }
        return base + ".weight";
    }

    /** The weight in {@code layer}, e.g. {@code blk.3.attn_q.weight}. */
    public String weight(int layer) {
        return inLayer(layer) + ".weight";
    }

    /** The bias in {@code layer}, e.g. {@code blk.3.attn_q.bias}. */
    public String bias(int layer) {
        return inLayer(layer) + ".bias";
    }

    /** Whether {@code name} is this tensor's weight (in any layer, for a per-layer tensor). */
    public boolean isWeight(String name) {
        return perLayer ? name.startsWith("blk.") && name.endsWith("." + base + ".weight") : name.equals(weight());
    }

    /**
     * Whether {@code name} contains this tensor's weight name anywhere, the way llama.cpp's quantizer rules match
     * names (so that {@code enc.blk.0.attn_v.weight} counts too).
     */
    public boolean isWeightIn(String name) {
        return name.contains(base + ".weight");
    }

    private String inLayer(int layer) {
        if (!perLayer) {
            throw new IllegalStateException(this + " is a global tensor, not one per layer");
        }
        return "blk." + layer + "." + base;
    }
}
