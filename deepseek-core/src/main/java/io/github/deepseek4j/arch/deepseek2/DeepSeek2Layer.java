package io.github.deepseek4j.arch.deepseek2;

import io.github.deepseek4j.arch.block.Linear;
import io.github.deepseek4j.arch.block.MixtureOfExperts;
import io.github.deepseek4j.arch.block.RmsNorm;
import io.github.deepseek4j.arch.block.SwiGluFeedForward;

/**
 * One block's weights.
 *
 * @param qA      {@code attn_q_a}, or null when queries are the plain projection {@code q}
 * @param qANorm  {@code attn_q_a_norm}, or null with {@code qA}
 * @param q       {@code attn_q_b} (after the q LoRA) or {@code attn_q}
 * @param kvA     {@code attn_kv_a_mqa}: [c | k_pe]
 * @param keys    W_UK folded into queries
 * @param values  W_UV per head
 * @param dense   the SwiGLU of a leading dense block, or null
 * @param moe     the mixture of experts of later blocks, or null
 */
record DeepSeek2Layer(RmsNorm attnNorm, Linear qA, RmsNorm qANorm, Linear q, Linear kvA, RmsNorm kvANorm,
                      KeyAbsorption keys, Linear[] values, Linear output, RmsNorm ffnNorm, SwiGluFeedForward dense,
                      MixtureOfExperts moe) {
}
