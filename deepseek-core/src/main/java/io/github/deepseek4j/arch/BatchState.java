package io.github.deepseek4j.arch;

import io.github.deepseek4j.runtime.KvCache;

/**
 * The common part of an architecture's {@link ForwardState}: the session's KV cache and scratch arrays that grow
 * to the largest batch seen (at most {@code maxBatch} tokens) and are then reused, so decoding allocates nothing
 * per token. Subclasses allocate their arrays in {@link #allocate}.
 */
public abstract class BatchState implements ForwardState {

    protected final KvCache cache;
    private final int maxBatch;
    private int capacity;

    protected BatchState(KvCache cache, int maxBatch) {
        this.cache = cache;
        this.maxBatch = maxBatch;
    }

    /** (Re)allocates every scratch array for {@code tokens} tokens. */
    protected abstract void allocate(int tokens);

    /** Makes room for a batch of {@code tokens}, growing at least twofold to keep reallocations rare. */
    public final void ensureCapacity(int tokens) {
        if (tokens <= capacity) {
            return;
        }
        if (tokens > maxBatch) {
            throw new IllegalArgumentException(tokens + " tokens exceed the batch limit " + maxBatch);
        }
        capacity = Math.min(maxBatch, Math.max(tokens, 2 * capacity));
        allocate(capacity);
    }

    public final KvCache cache() {
        return cache;
    }

    @Override
    public final int contextLength() {
        return cache.contextLength();
    }

    @Override
    public final int maxBatch() {
        return maxBatch;
    }

    @Override
    public final long cacheBytes() {
        return cache.totalBytes();
    }

    @Override
    public void close() {
        cache.close();
    }
}
