package io.github.deepseek4j.arch.llama;

import io.github.deepseek4j.arch.ForwardState;
import io.github.deepseek4j.runtime.KvCache;

/**
 * A session's cache and scratch for a llama-family model. Scratch arrays grow to the largest batch seen
 * (at most {@code maxBatch} tokens) and are then reused, so decoding allocates nothing per token.
 */
final class LlamaState implements ForwardState {

    final KvCache cache;
    private final LlamaHyperParameters hp;
    private final int maxBatch;
    private int capacity;

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

    LlamaState(LlamaHyperParameters hp, int contextLength, int maxBatch, int[] cacheWidths, int scoresSize) {
        this.hp = hp;
        this.maxBatch = maxBatch;
        this.cache = new KvCache(hp.layers(), contextLength, cacheWidths);
        this.scores = new float[scoresSize];
        ensureCapacity(1);
    }

    void ensureCapacity(int tokens) {
        if (tokens <= capacity) {
            return;
        }
        if (tokens > maxBatch) {
            throw new IllegalArgumentException(tokens + " tokens exceed the batch limit " + maxBatch);
        }
        capacity = Math.min(maxBatch, Math.max(tokens, 2 * capacity));
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

    @Override
    public int contextLength() {
        return cache.contextLength();
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public long cacheBytes() {
        return cache.totalBytes();
    }

    @Override
    public void close() {
        cache.close();
    }
}
