/** The llama family's forward pass (llama, and through {@link io.github.deepseek4j.arch.llama.DenseVariant} qwen2/qwen3). */
package io.github.deepseek4j.arch.llama;
