package io.github.deepseek4j.arch;

/** A session's mutable forward-pass state (KV cache and scratch), created by its {@link Transformer}. Not thread-safe. */
public interface ForwardState extends AutoCloseable {

    int contextLength();

    int maxBatch();

    /** Bytes of cache memory held. */
    long cacheBytes();

    /** Frees the cache (idempotent). */
    @Override
    void close();
}
