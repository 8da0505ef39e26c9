package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.ArchMetadata;
import io.github.deepseek4j.arch.Architecture;
import io.github.deepseek4j.arch.Transformer;
import io.github.deepseek4j.arch.block.WeightSource;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackend;

import java.util.Set;

/** {@code llama}: DeepSeek-LLM, DeepSeek-Coder, DeepSeek-R1-Distill-Llama. */
public final class LlamaArchitecture implements Architecture {

    @Override
    public Set<String> names() {
        return Set.of("llama");
    }

    @Override
    public Transformer load(GgufFile file, KernelBackend backend) throws ModelFormatException {
        return loadDense(file, backend, DenseVariant.LLAMA);
    }

    @Override
    public long cacheValuesPerToken(GgufFile file) throws ModelFormatException {
        return denseCacheValuesPerToken(file, DenseVariant.LLAMA);
    }

    /** Keys and values of every layer. */
    public static long denseCacheValuesPerToken(GgufFile file, DenseVariant variant) throws ModelFormatException {
        LlamaHyperParameters hp = LlamaHyperParameters.read(new ArchMetadata(file), variant.rope());
        return (long) hp.layers() * (hp.keyWidth() + hp.valueWidth());
    }

    /** Loads any member of the llama family described by {@code variant}. */
    public static LlamaTransformer loadDense(GgufFile file, KernelBackend backend, DenseVariant variant)
            throws ModelFormatException {
        LlamaHyperParameters hp = LlamaHyperParameters.read(new ArchMetadata(file), variant.rope());
        LlamaWeights weights = LlamaWeights.load(new WeightSource(file, backend), hp, variant);
        return new LlamaTransformer(hp, weights, backend.kernel(GgmlType.F32));
    }
}
