package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.arch.block.Linear;
import io.github.deepseek4j.arch.block.RmsNorm;
import io.github.deepseek4j.arch.block.SwiGluFeedForward;

/**
 * One block's weights. {@code qNorm}/{@code kNorm} (per head, qwen3) are null when absent; biases, when
 * present, are folded into {@code q}, {@code k}, {@code v}.
 */
public record LlamaLayer(RmsNorm attnNorm, Linear q, Linear k, Linear v, RmsNorm qNorm, RmsNorm kNorm,
                         Linear output, RmsNorm ffnNorm, SwiGluFeedForward ffn) {
}
