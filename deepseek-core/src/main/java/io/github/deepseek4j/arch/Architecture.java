package io.github.deepseek4j.arch;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.gguf.GgufFile;

import java.util.Set;

/**
 * One family of networks, found by the GGUF key {@code general.architecture}. Implementations are listed
 * in {@code META-INF/services/io.github.deepseek4j.arch.Architecture} and must be stateless.
 */
public interface Architecture {

    /** The {@code general.architecture} values this family loads (e.g. {@code qwen2} and {@code qwen3}). */
    Set<String> names();

    /**
     * Reads the hyper-parameters from the metadata, checks every tensor's shape and weight type, and returns
     * the network, which references the file's mapped memory and computes with {@code execution}.
     *
     * @throws ModelFormatException                       when a key or tensor is missing or inconsistent
     * @throws io.github.deepseek4j.UnsupportedModelException when a weight type has no kernel in the execution's backend
     */
    Transformer load(GgufFile file, Execution execution) throws ModelFormatException;

    /**
     * Values one position adds to a session's KV cache over all layers, from the metadata alone (no kernels
     * needed): multiply by 4 for the float32 cache this library keeps (by 2 for a half-precision one).
     */
    long cacheValuesPerToken(GgufFile file) throws ModelFormatException;
}
