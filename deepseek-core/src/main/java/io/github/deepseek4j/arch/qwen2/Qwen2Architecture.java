package io.github.deepseek4j.arch.qwen2;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.Architecture;
import io.github.deepseek4j.arch.Execution;
import io.github.deepseek4j.arch.Transformer;
import io.github.deepseek4j.arch.llama.DenseVariant;
import io.github.deepseek4j.arch.llama.LlamaArchitecture;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.MetadataKey;

import java.util.Set;

/**
 * {@code qwen2} (DeepSeek-R1-Distill-Qwen): llama with Q/K/V biases and neox rope. {@code qwen3}
 * (DeepSeek-R1-0528-Qwen3): no biases, a per-head RMSNorm on q and k before rope, head size from
 * {@code attention.key_length}.
 */
public final class Qwen2Architecture implements Architecture {

    public static final String QWEN2 = "qwen2";
    public static final String QWEN3 = "qwen3";

    @Override
    public Set<String> names() {
        return Set.of(QWEN2, QWEN3);
    }

    @Override
    public Transformer load(GgufFile file, Execution execution) throws ModelFormatException {
        return LlamaArchitecture.loadDense(file, execution, variant(file));
    }

    @Override
    public long cacheValuesPerToken(GgufFile file) throws ModelFormatException {
        return LlamaArchitecture.denseCacheValuesPerToken(file, variant(file));
    }

    private static DenseVariant variant(GgufFile file) throws ModelFormatException {
        return QWEN3.equals(file.metadata().getString(MetadataKey.GENERAL_ARCHITECTURE.key()))
                ? DenseVariant.QWEN3 : DenseVariant.QWEN2;
    }
}
