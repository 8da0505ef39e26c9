package io.github.deepseek4j.arch.deepseek2;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.ArchMetadata;
import io.github.deepseek4j.arch.Architecture;
import io.github.deepseek4j.arch.Execution;
import io.github.deepseek4j.arch.Transformer;
import io.github.deepseek4j.arch.block.WeightSource;
import io.github.deepseek4j.gguf.GgufFile;

import java.util.Set;

/** {@code deepseek2}: DeepSeek-V2, V2-Lite, V2.5, V3, R1, Coder-V2 (multi-head latent attention, mixture of experts). */
public final class DeepSeek2Architecture implements Architecture {

    @Override
    public Set<String> names() {
        return Set.of("deepseek2");
    }

    @Override
    public Transformer load(GgufFile file, Execution execution) throws ModelFormatException {
        DeepSeek2HyperParameters hp = DeepSeek2HyperParameters.read(new ArchMetadata(file));
        DeepSeek2Weights weights = DeepSeek2Weights.load(new WeightSource(file, execution.backend()), hp);
        return new DeepSeek2Transformer(hp, weights, execution);
    }

    /** The latent only: kv_lora_rank + rope dims per layer (576 for V2/V3), whatever the head count. */
    @Override
    public long cacheValuesPerToken(GgufFile file) throws ModelFormatException {
        DeepSeek2HyperParameters hp = DeepSeek2HyperParameters.read(new ArchMetadata(file));
        return (long) hp.layers() * hp.latentWidth();
    }
}
