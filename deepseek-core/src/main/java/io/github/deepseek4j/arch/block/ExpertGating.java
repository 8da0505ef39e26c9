package io.github.deepseek4j.arch.block;

/** How router logits become expert probabilities (GGUF {@code expert_gating_func}). */
public enum ExpertGating {
    /** 1: softmax over all experts (DeepSeek-V2). */
    SOFTMAX,
    /** 2: an independent sigmoid per expert (DeepSeek-V3, R1). */
    SIGMOID;

    /** The GGUF code: 1 softmax, 2 sigmoid; null when the code is unknown. */
    public static ExpertGating fromCode(int code) {
        return switch (code) {
            case 1 -> SOFTMAX;
            case 2 -> SIGMOID;
            default -> null;
        };
    }
}
