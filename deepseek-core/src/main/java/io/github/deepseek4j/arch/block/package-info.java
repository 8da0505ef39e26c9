/**
 * Building blocks shared by the architectures: weight matrices bound to kernels, RMSNorm, rope (normal, neox,
 * linear, YaRN), causal attention over the KV cache, SwiGLU, mixture-of-experts routing and batching.
 */
package io.github.deepseek4j.arch.block;
