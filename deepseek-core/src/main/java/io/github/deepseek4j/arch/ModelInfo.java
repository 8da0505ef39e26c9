package io.github.deepseek4j.arch;

/**
 * What a loaded network says about itself.
 *
 * @param architecture         the file's {@code general.architecture}
 * @param trainedContextLength {@code <arch>.context_length}
 * @param cacheBytesPerToken   KV cache bytes one position takes over all layers
 */
public record ModelInfo(String architecture, int vocabularySize, int trainedContextLength, long cacheBytesPerToken) {
}
