package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.ArchMetadata;
import io.github.deepseek4j.arch.block.Linear;
import io.github.deepseek4j.arch.block.RmsNorm;
import io.github.deepseek4j.arch.block.SwiGluFeedForward;
import io.github.deepseek4j.arch.block.WeightSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every weight of a llama-family model. {@code output} is {@code token_embd} itself when the model ties
 * its output embeddings (no {@code output.weight}).
 */
public record LlamaWeights(Linear tokenEmbedding, List<LlamaLayer> layers, RmsNorm outputNorm, Linear output) {

    public static LlamaWeights load(WeightSource source, LlamaHyperParameters hp, DenseVariant variant)
            throws ModelFormatException {
        Linear embedding = source.linear(ArchMetadata.TOKEN_EMBD, hp.embedding(), hp.vocabulary());
        List<LlamaLayer> layers = new ArrayList<>(); // not presized: block_count is checked only as its tensors load
        for (int i = 0; i < hp.layers(); i++) {
            layers.add(loadLayer(source, hp, variant, "blk." + i + "."));
        }
        RmsNorm outputNorm = new RmsNorm(source.vector("output_norm.weight", hp.embedding()), hp.rmsEps());
        Linear output = source.optionalLinear("output.weight", hp.embedding(), hp.vocabulary()).orElse(embedding);
        return new LlamaWeights(embedding, List.copyOf(layers), outputNorm, output);
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
