package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.arch.block.RopeStyle;

/**
 * What distinguishes the members of the llama family: rope pairing, and whether Q/K/V biases and per-head
 * q/k norms are absent, allowed, or required.
 */
public record DenseVariant(RopeStyle rope, Presence qkvBias, Presence qkNorm) {

    public enum Presence { ABSENT, OPTIONAL, REQUIRED }

    /** llama: normal rope; biases allowed (some converted models carry them). */
    public static final DenseVariant LLAMA = new DenseVariant(RopeStyle.NORMAL, Presence.OPTIONAL, Presence.ABSENT);
    /** qwen2: neox rope and Q/K/V biases. */
    public static final DenseVariant QWEN2 = new DenseVariant(RopeStyle.NEOX, Presence.REQUIRED, Presence.ABSENT);
    /** qwen3: neox rope, no biases, RMSNorm of each q and k head before rope. */
    public static final DenseVariant QWEN3 = new DenseVariant(RopeStyle.NEOX, Presence.ABSENT, Presence.REQUIRED);
}
