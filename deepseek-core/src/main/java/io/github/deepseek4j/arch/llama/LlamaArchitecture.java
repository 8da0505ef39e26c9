package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.ArchMetadata;
import io.github.deepseek4j.arch.Architecture;
import io.github.deepseek4j.arch.Execution;
import io.github.deepseek4j.arch.Transformer;
import io.github.deepseek4j.arch.block.Rope;
import io.github.deepseek4j.arch.block.WeightSource;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.TensorName;

import java.util.Set;

/** {@code llama}: DeepSeek-LLM, DeepSeek-Coder, DeepSeek-R1-Distill-Llama. */
public final class LlamaArchitecture implements Architecture {

    /** Per-pair rope frequency divisors (Llama 3.1 and DeepSeek-R1-Distill-Llama files). */
    private static final String ROPE_FREQS = TensorName.ROPE_FREQS.weight();

    @Override
    public Set<String> names() {
        return Set.of("llama");
    }

    @Override
    public Transformer load(GgufFile file, Execution execution) throws ModelFormatException {
        return loadDense(file, execution, DenseVariant.LLAMA);
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
    public static LlamaTransformer loadDense(GgufFile file, Execution execution, DenseVariant variant)
            throws ModelFormatException {
        LlamaHyperParameters hp = LlamaHyperParameters.read(new ArchMetadata(file), variant.rope());
        WeightSource source = new WeightSource(file, execution.backend());
        LlamaWeights weights = LlamaWeights.load(source, hp, variant);
        Rope rope = hp.rope();
        var factors = source.optionalVector(ROPE_FREQS, hp.ropeDims() / 2);
        if (factors.isPresent()) {
            try {
                rope = rope.withFrequencyFactors(factors.get());
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file.path() + ": tensor '" + ROPE_FREQS + "': " + e.getMessage(), e);
            }
        }
        return new LlamaTransformer(hp, weights, rope, execution);
    }
}
