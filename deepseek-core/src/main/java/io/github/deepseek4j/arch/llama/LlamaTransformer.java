package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.IntermediateObserver;
import io.github.deepseek4j.arch.Batch;
import io.github.deepseek4j.arch.Execution;
import io.github.deepseek4j.arch.ForwardState;
import io.github.deepseek4j.arch.LogitsTarget;
import io.github.deepseek4j.arch.ModelInfo;
import io.github.deepseek4j.arch.Transformer;
import io.github.deepseek4j.arch.block.CausalAttention;
import io.github.deepseek4j.arch.block.Residual;
import io.github.deepseek4j.arch.block.RmsNorm;
import io.github.deepseek4j.arch.block.Rope;
import io.github.deepseek4j.arch.block.RopedKeys;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.RowParallel;
import io.github.deepseek4j.runtime.KvCache;

/**
 * The llama-family forward pass (llama, qwen2, qwen3), as in {@code architectures.md}:
 * <pre>
 *   x = token_embd[tokens]
 *   per block: x += W_o · attention(rope(W_q·h), rope(W_k·h), W_v·h),  h = RMSNorm(x, attn_norm)
 *              x += SwiGLU(RMSNorm(x, ffn_norm))
 *   logits = W_out · RMSNorm(x, output_norm)
 * </pre>
 * Immutable and thread-safe; per-sequence values live in {@link LlamaState}.
 */
public final class LlamaTransformer implements Transformer {

    private final LlamaHyperParameters hp;
    private final ModelInfo info;
    private final LlamaWeights weights;
    private final Rope rope;
    private final RopedKeys ropedKeys;
    private final CausalAttention attention;
    private final RowParallel parallel;
    private final IntermediateObserver observer;

    /** @param rope the metadata's rope ({@link LlamaHyperParameters#rope()}) with the file's frequency factors, if any */
    public LlamaTransformer(LlamaHyperParameters hp, LlamaWeights weights, Rope rope, Execution execution) {
        this.hp = hp;
        this.weights = weights;
        this.info = new ModelInfo(hp.architecture(), hp.vocabulary(), hp.contextLength(),
                (long) hp.layers() * (hp.keyWidth() + hp.valueWidth()));
        this.rope = rope;
        this.ropedKeys = new RopedKeys(rope, CausalAttention.KEYS, 0, hp.kvHeads(), hp.headDim());
        this.attention = new CausalAttention(hp.heads(), hp.kvHeads(), hp.headDim(), hp.valueDim(),
                (float) (1.0 / Math.sqrt(hp.headDim())));
        this.parallel = execution.parallel();
        this.observer = execution.observer();
    }

    public LlamaHyperParameters hyperParameters() {
        return hp;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ForwardState newState(int contextLength, int maxBatch, RowKernel cacheKernel) {
        return new LlamaState(hp, new KvCache(cacheKernel, hp.layers(), contextLength, attention.cacheWidths()),
                ropedKeys, maxBatch, attention.scoresSize(contextLength));
    }

    @Override
    public void forward(ForwardState state, Batch batch, LogitsTarget logits) {
        if (!(state instanceof LlamaState s)) {
            throw new IllegalArgumentException("state was not created by this model");
        }
        int position = s.begin(batch);
        int n = batch.count();
        int e = hp.embedding();
        // inp_embd [n, embedding]
        weights.io().embed(batch, s.x);
        observer.observe(-1, "inp_embd", s.x, n, e);
        // rope angles [n, ropeDims/2], shared by every layer and head
        for (int t = 0; t < n; t++) {
            rope.angles(position + t, s.cos, s.sin, t * rope.pairs());
        }
        for (int l = 0; l < hp.layers(); l++) {
            LlamaLayer layer = weights.layers().get(l);
            // attn_norm [n, embedding]
            layer.attnNorm().apply(s.x, s.xb, n);
            observer.observe(l, "attn_norm", s.xb, n, e);
            // Qcur [n, heads*headDim], Kcur [n, kvHeads*headDim], Vcur [n, kvHeads*valueDim]
            layer.q().apply(s.xb, n, s.q, parallel);
            layer.k().apply(s.xb, n, s.k, parallel);
            layer.v().apply(s.xb, n, s.v, parallel);
            positionHeads(layer.qNorm(), s.q, n, hp.heads(), s);
            positionHeads(layer.kNorm(), s.k, n, hp.kvHeads(), s);
            observer.observe(l, "Qcur", s.q, n, hp.queryWidth());
            observer.observe(l, "Kcur", s.k, n, hp.keyWidth());
            observer.observe(l, "Vcur", s.v, n, hp.valueWidth());
            s.cache().write(l, CausalAttention.KEYS, position, s.k, n);
            s.cache().write(l, CausalAttention.VALUES, position, s.v, n);
            // kqv_out [n, heads*valueDim]
            attention.attend(s.q, n, position, s.cache(), l, s.scores, s.att, parallel);
            observer.observe(l, "kqv_out", s.att, n, hp.attentionWidth());
            // attn_out [n, embedding]; ffn_inp = x + attn_out
            layer.output().apply(s.att, n, s.xb, parallel);
            Residual.add(s.x, s.xb, n * e);
            observer.observe(l, "ffn_inp", s.x, n, e);
            // ffn_norm [n, embedding]; ffn_gate, ffn_up [n, feedForward]; ffn_out [n, embedding]
            layer.ffnNorm().apply(s.x, s.xb, n);
            layer.ffn().apply(s.xb, n, s.gate, s.up, s.xb, parallel);
            observer.observe(l, "ffn_out", s.xb, n, e);
            // l_out = ffn_inp + ffn_out
            Residual.add(s.x, s.xb, n * e);
            observer.observe(l, "l_out", s.x, n, e);
        }
        // result_norm [rows, embedding], result_output [rows, vocabulary]
        weights.io().logits(s.x, n, logits, s.xb, parallel, observer);
        s.advance(n);
    }

    /** Per-head RMSNorm (qwen3; when present) then rope, for each of {@code n} tokens of {@code heads} heads. */
    private void positionHeads(RmsNorm headNorm, float[] x, int n, int heads,
                               LlamaState s) {
        for (int t = 0; t < n; t++) {
            for (int h = 0; h < heads; h++) {
                int o = (t * heads + h) * hp.headDim();
                if (headNorm != null) {
                    headNorm.apply(x, o, x, o);
                }
                rope.rotate(x, o, s.cos, s.sin, t * rope.pairs());
            }
        }
    }
}
