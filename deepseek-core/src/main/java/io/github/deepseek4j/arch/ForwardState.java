package io.github.deepseek4j.arch;

/**
 * One sequence's mutable forward-pass state, created by its {@link Transformer}: the KV cache, the position the
 * next token goes to, and scratch. The position moves forward as batches are fed and back through
 * {@link #discard}, {@link #rewind} and {@link #reset}. Not thread-safe.
 */
public interface ForwardState extends AutoCloseable {

    /** Tokens cached so far: the position of the next token. */
    int position();

    int contextLength();

    int maxBatch();

    /** Bytes of cache memory held. */
    long cacheBytes();

    /**
     * Forgets cached positions {@code [keep, keep + count)}: later positions move down by {@code count} and their
     * cached keys are re-rotated for their new positions.
     *
     * @throws IllegalArgumentException when the range is not within the {@link #position()} tokens cached
     */
    void discard(int keep, int count);

    /**
     * Forgets positions {@code position ..}: the next token is fed at {@code position}. The cached ones before it
     * stay (a new chat turn that shares a prefix with the last reuses them).
     *
     * @throws IllegalArgumentException when {@code position} is negative or beyond {@link #position()}
     */
    void rewind(int position);

    /** Forgets every token: the next one is fed at position 0. */
    default void reset() {
        rewind(0);
    }

    /** Frees the cache (idempotent). */
    @Override
    void close();
}
