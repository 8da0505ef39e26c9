/** {@code qwen2} and {@code qwen3}: the llama forward pass with Q/K/V biases or per-head q/k norms, and neox rope. */
package io.github.deepseek4j.arch.qwen2;
