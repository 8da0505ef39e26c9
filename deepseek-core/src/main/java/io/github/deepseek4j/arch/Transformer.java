package io.github.deepseek4j.arch;

import io.github.deepseek4j.IntermediateObserver;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.RowParallel;

/**
 * A loaded network: weights bound to kernels, immutable, safe to share between threads. Everything that
 * changes while tokens are fed (cache, scratch) lives in a {@link ForwardState}, one per session.
 */
public interface Transformer {

    ModelInfo info();

    /**
     * A fresh state: a cache for {@code contextLength} positions, stored in the type of {@code cacheKernel}
     * (F32 or F16), and scratch for batches of up to {@code maxBatch} tokens.
     */
    ForwardState newState(int contextLength, int maxBatch, RowKernel cacheKernel);

    /**
     * Forgets cached positions {@code [keep, keep + count)} of the {@code filled} ones: later positions move down
     * by {@code count} and their cached keys are re-rotated for their new positions (the caller checked the range).
     */
    void discard(ForwardState state, int keep, int count, int filled);

    /**
     * Feeds {@code tokens[offset .. offset+count)} at positions {@code position ..} (the caller has checked
     * that they fit the cache and the batch limit and that every id is below the vocabulary size) and writes
     * the logits of the last token, or of every token ({@code allRows}, row-major), to {@code logits};
     * {@code logits == null} skips the output head.
     */
    void forward(ForwardState state, int[] tokens, int offset, int count, int position, boolean allRows,
                 float[] logits, IntermediateObserver observer, RowParallel parallel);
}
