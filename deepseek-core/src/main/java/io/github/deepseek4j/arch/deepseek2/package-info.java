/**
 * {@code deepseek2} (DeepSeek-V2/V3/R1): multi-head latent attention over a latent-only cache in the absorbed form,
 * for both GGUF layouts, and mixture-of-experts blocks.
 */
package io.github.deepseek4j.arch.deepseek2;
