package io.github.deepseek4j.arch.deepseek2;

import io.github.deepseek4j.IntermediateObserver;
import io.github.deepseek4j.arch.Batch;
import io.github.deepseek4j.arch.Execution;
import io.github.deepseek4j.arch.ForwardState;
import io.github.deepseek4j.arch.LogitsTarget;
import io.github.deepseek4j.arch.ModelInfo;
import io.github.deepseek4j.arch.Transformer;
import io.github.deepseek4j.arch.block.MixtureOfExperts;
import io.github.deepseek4j.arch.block.Residual;
import io.github.deepseek4j.arch.block.Rope;
import io.github.deepseek4j.arch.block.RopedKeys;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.RowParallel;
import io.github.deepseek4j.runtime.KvCache;

/**
 * The DeepSeek-V2/V3 forward pass ({@code deepseek2}), as in {@code architectures.md}:
 * <pre>
 *   per block: h = RMSNorm(x, attn_norm)
 *              q = W_qb · RMSNorm(W_qa·h, attn_q_a_norm)  (or W_q·h);  [c | k_pe] = W_kva·h;  c = RMSNorm(c)
 *              rope(q_pe), rope(k_pe);  cache [c | k_pe];  x += W_o · MLA(q, cache)
 *              x += SwiGLU(g) (leading dense blocks)  or  MoE(g),  g = RMSNorm(x, ffn_norm)
 *   logits = W_out · RMSNorm(x, output_norm)
 * </pre>
 * Immutable and thread-safe; per-session values live in {@link DeepSeek2State}.
 */
public final class DeepSeek2Transformer implements Transformer {

    private final DeepSeek2HyperParameters hp;
    private final ModelInfo info;
    private final DeepSeek2Weights weights;
    private final LatentAttention attention;
    private final RopedKeys ropedKeys;
    private final RowParallel parallel;
    private final IntermediateObserver observer;

    DeepSeek2Transformer(DeepSeek2HyperParameters hp, DeepSeek2Weights weights, Execution execution) {
        this.hp = hp;
        this.weights = weights;
        this.info = new ModelInfo(hp.architecture(), hp.vocabulary(), hp.contextLength(),
                (long) hp.layers() * hp.latentWidth());
        this.attention = new LatentAttention(hp);
        // k_pe: one rope head after the compressed latent
        this.ropedKeys = new RopedKeys(hp.rope(), LatentAttention.LATENT, hp.kvLoraRank(), 1, hp.ropeDims());
        this.parallel = execution.parallel();
        this.observer = execution.observer();
    }

    public DeepSeek2HyperParameters hyperParameters() {
        return hp;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ForwardState newState(int contextLength, int maxBatch, RowKernel cacheKernel) {
        MixtureOfExperts anyMoe = weights.layers().stream().map(DeepSeek2Layer::moe).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        return new DeepSeek2State(hp, anyMoe, new KvCache(cacheKernel, hp.layers(), contextLength, hp.latentWidth()),
                ropedKeys, maxBatch);
    }

    @Override
    public void forward(ForwardState state, Batch batch, LogitsTarget logits) {
        if (!(state instanceof DeepSeek2State s)) {
            throw new IllegalArgumentException("state was not created by this model");
        }
        int position = s.begin(batch);
        int n = batch.count();
        int e = hp.embedding();
        int heads = hp.heads();
        int headDim = hp.queryHeadDim();
        int latent = hp.latentWidth();
        Rope rope = hp.rope();
        // inp_embd [n, embedding]
        weights.io().embed(batch, s.x);
        observer.observe(-1, "inp_embd", s.x, n, e);
        for (int t = 0; t < n; t++) {
            rope.angles(position + t, s.cos, s.sin, t * rope.pairs());
        }
        for (int l = 0; l < hp.layers(); l++) {
            DeepSeek2Layer layer = weights.layers().get(l);
            // attn_norm [n, embedding]
            layer.attnNorm().apply(s.x, s.xb, n);
            observer.observe(l, "attn_norm", s.xb, n, e);
            // q [n, heads * (nope + rope)]
            if (layer.qA() != null) {
                layer.qA().apply(s.xb, n, s.qa, parallel);
                layer.qANorm().apply(s.qa, s.qa, n);
                layer.q().apply(s.qa, n, s.q, parallel);
            } else {
                layer.q().apply(s.xb, n, s.q, parallel);
            }
            // kv_cmpr [n, kv_lora_rank] normalized, k_pe [n, rope] roped: the cached latent
            layer.kvA().apply(s.xb, n, s.kv, parallel);
            for (int t = 0; t < n; t++) {
                layer.kvANorm().apply(s.kv, t * latent, s.kv, t * latent);
                rope.rotate(s.kv, t * latent + hp.kvLoraRank(), s.cos, s.sin, t * rope.pairs());
                for (int h = 0; h < heads; h++) {
                    rope.rotate(s.q, (t * heads + h) * headDim + hp.nopeDims(), s.cos, s.sin, t * rope.pairs());
                }
            }
            observer.observe(l, "q", s.q, n, heads * headDim);
            observer.observe(l, "kv_cmpr_pe", s.kv, n, latent);
            s.cache().write(l, LatentAttention.LATENT, position, s.kv, n);
            // kqv_out [n, heads * value_dim]
            attention.attend(s.q, n, position, s.cache(), l, layer.keys(), layer.values(), s, s.att, parallel);
            observer.observe(l, "kqv_out", s.att, n, heads * hp.valueDim());
            layer.output().apply(s.att, n, s.xb, parallel);
            Residual.add(s.x, s.xb, n * e);
            observer.observe(l, "ffn_inp", s.x, n, e);
            // ffn_norm [n, embedding]; ffn_out [n, embedding]
            layer.ffnNorm().apply(s.x, s.xb, n);
            if (layer.dense() != null) {
                layer.dense().apply(s.xb, n, s.gate, s.up, s.ffnOut, parallel);
            } else {
                mixExperts(l, layer.moe(), n, s);
            }
            observer.observe(l, "ffn_out", s.ffnOut, n, e);
            Residual.add(s.x, s.ffnOut, n * e);
            observer.observe(l, "l_out", s.x, n, e);
        }
        // result_norm, result_output
        weights.io().logits(s.x, n, logits, s.xb, parallel, observer);
        s.advance(n);
    }

    /** ffn_out = ffn_moe_out (the routed experts' weighted sum) + ffn_shexp (the shared experts, when present). */
    private void mixExperts(int l, MixtureOfExperts moe, int n, DeepSeek2State s) {
        int e = hp.embedding();
        moe.applyRouted(l, s.xb, n, s.ffnOut, s.moe, parallel);
        observer.observe(l, "ffn_moe_out", s.ffnOut, n, e);
        if (moe.shared() != null) {
            float[] shared = moe.applyShared(s.xb, n, s.moe, parallel);
            observer.observe(l, "ffn_shexp", shared, n, e);
            Residual.add(s.ffnOut, shared, n * e);
        }
    }
}
