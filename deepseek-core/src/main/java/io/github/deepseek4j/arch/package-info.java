/**
 * The architecture SPI: an {@link io.github.deepseek4j.arch.Architecture} per GGUF {@code general.architecture}
 * (found through {@link io.github.deepseek4j.arch.Architectures}) loads an immutable
 * {@link io.github.deepseek4j.arch.Transformer}; each session holds its own
 * {@link io.github.deepseek4j.arch.ForwardState}. Hyper-parameters come from metadata only
 * ({@link io.github.deepseek4j.arch.ArchMetadata}).
 */
package io.github.deepseek4j.arch;
