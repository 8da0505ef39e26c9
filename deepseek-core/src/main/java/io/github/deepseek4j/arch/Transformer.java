package io.github.deepseek4j.arch;

import io.github.deepseek4j.quant.RowKernel;

/**
 * A loaded network: weights bound to the kernels, threads and observer of its {@link Execution}, immutable, safe
 * to share between threads. Everything that changes while tokens are fed (position, cache, scratch) lives in a
 * {@link ForwardState}, one per sequence.
 */
public interface Transformer {

    ModelInfo info();

    /**
     * A fresh state at position 0: a cache for {@code contextLength} positions, stored in the type of
     * {@code cacheKernel} (F32 or F16), and scratch for batches of up to {@code maxBatch} tokens.
     */
    ForwardState newState(int contextLength, int maxBatch, RowKernel cacheKernel);

    /**
     * Feeds {@code batch} at the state's position, caches it, moves the position past it, and writes the logits
     * {@code logits} asks for. The caller has checked that every id is below the vocabulary size.
     *
     * @throws IllegalArgumentException when the state is another model's, or the batch exceeds its batch limit
     *                                  or free positions
     */
    void forward(ForwardState state, Batch batch, LogitsTarget logits);
}
