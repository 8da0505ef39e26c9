package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.block.EmbeddingsAndHead;
import io.github.deepseek4j.arch.block.Linear;
import io.github.deepseek4j.arch.block.RmsNorm;
import io.github.deepseek4j.arch.block.SwiGluFeedForward;
import io.github.deepseek4j.arch.block.WeightSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every weight of a llama-family model. */
public record LlamaWeights(EmbeddingsAndHead io, List<LlamaLayer> layers) {

    public static LlamaWeights load(WeightSource source, LlamaHyperParameters hp, DenseVariant variant)
            throws ModelFormatException {
        EmbeddingsAndHead io = EmbeddingsAndHead.load(source, hp.embedding(), hp.vocabulary(), hp.rmsEps());
        List<LlamaLayer> layers = new ArrayList<>(); // not presized: block_count is checked only as its tensors load
        for (int i = 0; i < hp.layers(); i++) {
            layers.add(loadLayer(source, hp, variant, "blk." + i + "."));
        }
        return new LlamaWeights(io, List.copyOf(layers));
    }

    private static LlamaLayer loadLayer(WeightSource s, LlamaHyperParameters hp, DenseVariant variant, String p)
            throws ModelFormatException {
        int e = hp.embedding();
        Linear q = withBias(s, s.linear(p + "attn_q.weight", e, hp.queryWidth()), p + "attn_q.bias", variant);
        Linear k = withBias(s, s.linear(p + "attn_k.weight", e, hp.keyWidth()), p + "attn_k.bias", variant);
        Linear v = withBias(s, s.linear(p + "attn_v.weight", e, hp.valueWidth()), p + "attn_v.bias", variant);
        RmsNorm qNorm = headNorm(s, hp, variant, p + "attn_q_norm.weight");
        RmsNorm kNorm = headNorm(s, hp, variant, p + "attn_k_norm.weight");
        return new LlamaLayer(
                new RmsNorm(s.vector(p + "attn_norm.weight", e), hp.rmsEps()), q, k, v, qNorm, kNorm,
                s.linear(p + "attn_output.weight", hp.attentionWidth(), e),
                new RmsNorm(s.vector(p + "ffn_norm.weight", e), hp.rmsEps()),
                s.feedForward(p, "", e, hp.feedForward()));
    }

    private static Linear withBias(WeightSource s, Linear w, String biasName, DenseVariant variant)
            throws ModelFormatException {
        Optional<float[]> bias = optional(s, biasName, w.outputs(), variant.qkvBias());
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
