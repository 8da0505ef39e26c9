package io.github.deepseek4j.arch;

import io.github.deepseek4j.arch.block.RopedKeys;
import io.github.deepseek4j.runtime.KvCache;

/**
 * The common part of an architecture's {@link ForwardState}: the KV cache, the position reached, and scratch
 * arrays that grow to the largest batch seen (at most {@code maxBatch} tokens) and are then reused, so decoding
 * allocates nothing per token. A forward pass brackets its work with {@link #begin} and {@link #advance};
 * subclasses allocate their arrays in {@link #allocate}.
 */
public abstract class BatchState implements ForwardState {

    protected final KvCache cache;
    private final RopedKeys ropedKeys;
    private final int maxBatch;
    private int capacity;
    private int position;

    /** @param ropedKeys where the cached keys carry rope, for {@link #discard} */
    protected BatchState(KvCache cache, RopedKeys ropedKeys, int maxBatch) {
        this.cache = cache;
        this.ropedKeys = ropedKeys;
        this.maxBatch = maxBatch;
    }

    /** (Re)allocates every scratch array for {@code tokens} tokens. */
    protected abstract void allocate(int tokens);

    /** Makes room for a batch of {@code tokens}, growing at least twofold to keep reallocations rare. */
    protected final void ensureCapacity(int tokens) {
        if (tokens <= capacity) {
            return;
        }
        if (tokens > maxBatch) {
            throw new IllegalArgumentException(tokens + " tokens exceed the batch limit " + maxBatch);
        }
        capacity = Math.min(maxBatch, Math.max(tokens, 2 * capacity));
        allocate(capacity);
    }

    /**
     * Makes room for {@code batch} and returns the position of its first token.
     *
     * @throws IllegalArgumentException when the batch exceeds the batch limit or the free cache positions
     */
    public final int begin(Batch batch) {
        if (batch.count() > contextLength() - position) {
            throw new IllegalArgumentException(batch.count() + " tokens do not fit the " + (contextLength() - position)
                    + " free positions of the cache");
        }
        ensureCapacity(batch.count());
        return position;
    }

    /** Moves the position past the {@code count} tokens the pass has just cached. */
    public final void advance(int count) {
        position += count;
    }

    public final KvCache cache() {
        return cache;
    }

    @Override
    public final int position() {
        return position;
    }

    @Override
    public final void discard(int keep, int count) {
        if (keep < 0 || count < 1 || keep + count > position) {
            throw new IllegalArgumentException("cannot discard " + count + " tokens after the first " + keep + " of "
                    + position);
        }
        cache.discard(keep, count, position);
        ropedKeys.rerotate(cache, keep, position - count, -count);
        position -= count;
    }

    @Override
    public final void rewind(int position) {
        if (position < 0 || position > this.position) {
            throw new IllegalArgumentException("cannot rewind to position " + position + " of " + this.position);
        }
        this.position = position;
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
