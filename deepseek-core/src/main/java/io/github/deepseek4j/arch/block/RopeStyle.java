package io.github.deepseek4j.arch.block;

/** Which elements of a head vector form a rotated pair. */
public enum RopeStyle {
    /** GGUF "normal" rope (llama, deepseek2): pairs {@code (i0, i0 + 1)}. */
    NORMAL,
    /** NeoX rope (qwen2, qwen3): pairs {@code (i0/2, i0/2 + n_rot/2)}. */
    NEOX
}
