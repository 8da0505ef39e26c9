package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.arch.BatchState;
import io.github.deepseek4j.arch.block.RopedKeys;
import io.github.deepseek4j.runtime.KvCache;

/** A session's cache (keys and values per layer) and scratch for a llama-family model. */
final class LlamaState extends BatchState {

    private final LlamaHyperParameters hp;

    float[] x;        // [tokens, embedding]      the residual stream
    float[] xb;       // [tokens, embedding]      normed input / projection output
    float[] q;        // [tokens, heads * headDim]
    float[] k;        // [tokens, kvHeads * headDim]
    float[] v;        // [tokens, kvHeads * valueDim]
    float[] att;      // [tokens, heads * valueDim]
    float[] gate;     // [tokens, feedForward]
    float[] up;       // [tokens, feedForward]
    float[] cos;      // [tokens, ropeDims / 2]
    float[] sin;      // [tokens, ropeDims / 2]
    final float[] scores; // [heads, contextLength]

    LlamaState(LlamaHyperParameters hp, KvCache cache, RopedKeys ropedKeys, int maxBatch, int scoresSize) {
        super(cache, ropedKeys, maxBatch);
        this.hp = hp;
        this.scores = new float[scoresSize];
        ensureCapacity(1);
    }

    @Override
    protected void allocate(int capacity) {
        x = new float[capacity * hp.embedding()];
        xb = new float[capacity * hp.embedding()];
        q = new float[capacity * hp.queryWidth()];
        k = new float[capacity * hp.keyWidth()];
        v = new float[capacity * hp.valueWidth()];
        att = new float[capacity * hp.attentionWidth()];
        gate = new float[capacity * hp.feedForward()];
        up = new float[capacity * hp.feedForward()];
        cos = new float[capacity * hp.ropeDims() / 2];
        sin = new float[capacity * hp.ropeDims() / 2];
    }
}
