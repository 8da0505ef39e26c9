package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.block.EmbeddingsAndHead;
import io.github.deepseek4j.arch.block.Linear;
import io.github.deepseek4j.arch.block.RmsNorm;
import io.github.deepseek4j.arch.block.SwiGluFeedForward;
import io.github.deepseek4j.arch.block.WeightSource;
import io.github.deepseek4j.gguf.TensorName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.github.deepseek4j.gguf.TensorName.*;

/** Every weight of a llama-family model. */
public record LlamaWeights(EmbeddingsAndHead io, List<LlamaLayer> layers) {

    public static LlamaWeights load(WeightSource source, LlamaHyperParameters hp, DenseVariant variant)
            throws ModelFormatException {
        EmbeddingsAndHead io = EmbeddingsAndHead.load(source, hp.embedding(), hp.vocabulary(), hp.rmsEps());
        List<LlamaLayer> layers = new ArrayList<>(); // not presized: block_count is checked only as its tensors load
        for (int i = 0; i < hp.layers(); i++) {
            layers.add(loadLayer(source, hp, variant, i));
        }
        return new LlamaWeights(io, List.copyOf(layers));
    }

    private static LlamaLayer loadLayer(WeightSource s, LlamaHyperParameters hp, DenseVariant variant, int layer)
            throws ModelFormatException {
        int e = hp.embedding();
        Linear q = projection(s, ATTN_Q, layer, e, hp.queryWidth(), variant);
        Linear k = projection(s, ATTN_K, layer, e, hp.keyWidth(), variant);
        Linear v = projection(s, ATTN_V, layer, e, hp.valueWidth(), variant);
        RmsNorm qNorm = headNorm(s, hp, variant, ATTN_Q_NORM.weight(layer));
        RmsNorm kNorm = headNorm(s, hp, variant, ATTN_K_NORM.weight(layer));
        return new LlamaLayer(
                new RmsNorm(s.vector(ATTN_NORM.weight(layer), e), hp.rmsEps()), q, k, v, qNorm, kNorm,
                s.linear(ATTN_OUTPUT.weight(layer), hp.attentionWidth(), e),
                new RmsNorm(s.vector(FFN_NORM.weight(layer), e), hp.rmsEps()),
                s.feedForward(layer, e, hp.feedForward()));
    }

    /** A query, key or value projection with its bias when the variant has one. */
    private static Linear projection(WeightSource s, TensorName name, int layer, int inputs, int outputs,
                                     DenseVariant variant) throws ModelFormatException {
        Linear w = s.linear(name.weight(layer), inputs, outputs);
        Optional<float[]> bias = optional(s, name.bias(layer), w.outputs(), variant.qkvBias());
        return bias.map(w::withBias).orElse(w);
    }

    private static RmsNorm headNorm(WeightSource s, LlamaHyperParameters hp, DenseVariant variant, String name)
            throws ModelFormatException {
        return optional(s, name, hp.headDim(), variant.qkNorm()).map(w -> new RmsNorm(w, hp.rmsEps())).orElse(null);
    }

    private static Optional<float[]> optional(WeightSource s, String name, int n, DenseVariant.Presence presence)
            throws ModelFormatException {
        return switch (presence) {
            case ABSENT -> Optional.empty();
            case OPTIONAL -> s.optionalVector(name, n);
            case REQUIRED -> Optional.of(s.vector(name, n));
        };
    }
}
