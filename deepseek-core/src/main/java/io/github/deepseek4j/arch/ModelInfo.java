package io.github.deepseek4j.arch;

/**
 * What a loaded network says about itself.
 *
 * @param architecture         the file's {@code general.architecture}
 * @param trainedContextLength {@code <arch>.context_length}
 * @param cacheValuesPerToken  KV cache values one position takes over all layers (4 bytes each at F32, 2 at F16)
 */
public record ModelInfo(String architecture, int vocabularySize, int trainedContextLength, long cacheValuesPerToken) {
}
