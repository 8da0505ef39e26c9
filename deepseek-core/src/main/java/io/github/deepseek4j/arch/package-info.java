/**
 * The architecture SPI: an {@link io.github.deepseek4j.arch.Architecture} per GGUF {@code general.architecture}
 * (found through {@link io.github.deepseek4j.arch.Architectures}) loads an immutable
 * {@link io.github.deepseek4j.arch.Transformer} bound to an {@link io.github.deepseek4j.arch.Execution} (kernels,
 * threads, observer); each session holds its own {@link io.github.deepseek4j.arch.ForwardState} (cache and
 * position), fed a {@link io.github.deepseek4j.arch.Batch} at a time with a
 * {@link io.github.deepseek4j.arch.LogitsTarget}. Hyper-parameters come from metadata only
 * ({@link io.github.deepseek4j.arch.ArchMetadata}).
 */
package io.github.deepseek4j.arch;
