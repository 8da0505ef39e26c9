package io.github.deepseek4j.arch.deepseek2;

import io.github.deepseek4j.arch.BatchState;
import io.github.deepseek4j.arch.block.MixtureOfExperts;
import io.github.deepseek4j.arch.block.MoeScratch;
import io.github.deepseek4j.arch.block.RopedKeys;
import io.github.deepseek4j.runtime.KvCache;

/**
 * A session's latent cache ({@code kv_lora_rank + rope} values per position and layer, nothing per head)
 * and scratch.
 */
final class DeepSeek2State extends BatchState {

    private final DeepSeek2HyperParameters hp;

    float[] x;       // [tokens, embedding]   the residual stream
    float[] xb;      // [tokens, embedding]
    float[] ffnOut;  // [tokens, embedding]
    float[] qa;      // [tokens, q_lora_rank]
    float[] q;       // [tokens, heads * (nope + rope)]
    float[] kv;      // [tokens, kv_lora_rank + rope]
    float[] att;     // [tokens, heads * value_dim]
    float[] gate;    // [tokens, feed_forward]  (dense blocks)
    float[] up;      // [tokens, feed_forward]
    float[] cos;     // [tokens, rope / 2]
    float[] sin;     // [tokens, rope / 2]
    final float[] qLatent;    // [heads, kv_lora_rank]
    final float[] context;    // [heads, kv_lora_rank]
    final float[] rowScratch; // [heads, kv_lora_rank]
    final float[] scores;     // [heads, contextLength]
    final MoeScratch moe;     // null without experts

    DeepSeek2State(DeepSeek2HyperParameters hp, MixtureOfExperts anyMoe, KvCache cache, RopedKeys ropedKeys,
                   int maxBatch) {
        super(cache, ropedKeys, maxBatch);
        this.hp = hp;
        int perHead = hp.heads() * hp.kvLoraRank();
        this.qLatent = new float[perHead];
        this.context = new float[perHead];
        this.rowScratch = new float[perHead];
        this.scores = new float[Math.multiplyExact(hp.heads(), cache.contextLength())];
        this.moe = anyMoe == null ? null : new MoeScratch(anyMoe);
        ensureCapacity(1);
    }

    @Override
    protected void allocate(int capacity) {
        x = new float[capacity * hp.embedding()];
        xb = new float[capacity * hp.embedding()];
        ffnOut = new float[capacity * hp.embedding()];
        qa = new float[capacity * hp.qLoraRank()];
        q = new float[capacity * hp.heads() * hp.queryHeadDim()];
        kv = new float[capacity * hp.latentWidth()];
        att = new float[capacity * hp.heads() * hp.valueDim()];
        gate = new float[capacity * hp.feedForward()];
        up = new float[capacity * hp.feedForward()];
        cos = new float[capacity * hp.ropeDims() / 2];
        sin = new float[capacity * hp.ropeDims() / 2];
        if (moe != null) {
            moe.ensureCapacity(capacity);
        }
    }
}
