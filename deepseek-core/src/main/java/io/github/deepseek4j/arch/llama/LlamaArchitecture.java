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

    /** Loads any member of the llama family described by {@code variant}. */
    public static LlamaTransformer loadDense(GgufFile file, KernelBackend backend, DenseVariant variant)
            throws ModelFormatException {
        ArchMetadata md = new ArchMetadata(file);
        long vocabulary = file.tensor(LlamaWeights.TOKEN_EMBD).dim(1);
        if (vocabulary <= 0 || vocabulary > Integer.MAX_VALUE) {
            throw new ModelFormatException(file.path() + ": tensor '" + LlamaWeights.TOKEN_EMBD + "' has "
                    + vocabulary + " rows, expected a positive vocabulary size");
        }
        LlamaHyperParameters hp = LlamaHyperParameters.read(md, variant.rope(), (int) vocabulary);
        LlamaWeights weights = LlamaWeights.load(new WeightSource(file, backend), hp, variant);
        return new LlamaTransformer(hp, weights, backend.kernel(GgmlType.F32));
    }
}
