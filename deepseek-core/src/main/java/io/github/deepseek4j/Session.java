package io.github.deepseek4j;

import io.github.deepseek4j.arch.ForwardState;
import io.github.deepseek4j.arch.Transformer;
import io.github.deepseek4j.runtime.Sampler;

import java.time.Duration;
import java.util.Arrays;

/**
 * One conversation with a {@link Model}: its own KV cache (off-heap, {@link #contextLength()} positions)
 * and the position reached. Feeding tokens runs them as one batch (split at the model's batch limit);
 * feeding one token at a time decodes incrementally with the cache.
 *
 * <p>A session is used by one thread at a time; different sessions may run concurrently. Feeding more
 * tokens than fit throws {@link ContextOverflowException} and leaves the session unchanged.
 * {@link #close()} frees the cache (idempotent).
 */
public final class Session implements AutoCloseable {

    private final Model model;
    private final Transformer transformer;
    private final ForwardState state;
    private final float[] lastLogits; // reused: decoding allocates no logits buffer
    private int position;
    private boolean closed;

    Session(Model model, ForwardState state) {
        this.model = model;
        this.transformer = model.transformer();
        this.state = state;
        this.lastLogits = new float[transformer.info().vocabularySize()];
    }

    /** Feeds {@code tokens} and returns the logits after the last one ({@link Model#vocabularySize()} values). */
    public float[] forward(int... tokens) {
        feed(tokens, false, null);
        return lastLogits.clone();
    }

    /** Feeds {@code tokens} and returns the logits after each of them: row {@code i} predicts the token after {@code tokens[i]}. */
    public float[][] forwardAll(int... tokens) {
        float[][] rows = new float[tokens.length][];
        feed(tokens, true, rows);
        return rows;
    }

    /**
     * Feeds {@code promptTokens} (after whatever the session already holds) and generates up to
     * {@link GenerationOptions#maxTokens()} tokens, stopping early at a stop token or when the context is full.
     */
    public GenerationResult generate(int[] promptTokens, GenerationOptions options) {
        Sampler sampler = options.temperature() == 0 ? Sampler.greedy()
                : Sampler.temperature(options.temperature(), options.seed());
        int n = transformer.info().vocabularySize();
        long start = System.nanoTime();
        feed(promptTokens, false, null);
        long prefillEnd = System.nanoTime();
        int[] out = new int[options.maxTokens()];
        int count = 0;
        int steps = 0;
        StopReason reason = StopReason.MAX_TOKENS;
        int[] next = new int[1];
        long firstToken = 0;
        while (true) {
            int token = sampler.sample(lastLogits, n);
            if (count == 0) {
                firstToken = System.nanoTime();
            }
            if (options.isStopToken(token)) {
                reason = StopReason.STOP_TOKEN;
                break;
            }
            out[count++] = token;
            if (count == out.length) {
                break;
            }
            if (position == contextLength()) {
                int keep = options.contextShiftKeep();
                if (keep < 0 || keep >= position - 1) {
                    reason = StopReason.CONTEXT_FULL;
                    break;
                }
                discard(keep, (position - keep) / 2);
            }
            next[0] = token;
            feed(next, false, null);
            steps++;
        }
        long end = System.nanoTime();
        return new GenerationResult(Arrays.copyOf(out, count), reason, promptTokens.length,
                Duration.ofNanos(firstToken - start), Duration.ofNanos(prefillEnd - start),
                Duration.ofNanos(end - firstToken), steps);
    }

    private void feed(int[] tokens, boolean allRows, float[][] rows) {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
        model.checkOpen();
        if (tokens.length == 0) {
            throw new IllegalArgumentException("no tokens to feed");
        }
        if (tokens.length > contextLength() - position) {
            throw new ContextOverflowException(position, tokens.length, contextLength());
        }
        int vocabulary = transformer.info().vocabularySize();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabulary) {
                throw new IllegalArgumentException("token " + tokens[i] + " at index " + i
                        + " is outside the vocabulary of " + vocabulary);
            }
        }
        int maxBatch = state.maxBatch();
        float[] batchLogits = allRows ? new float[Math.min(maxBatch, tokens.length) * vocabulary] : null;
        for (int from = 0; from < tokens.length; from += maxBatch) {
            int count = Math.min(maxBatch, tokens.length - from);
            boolean last = from + count == tokens.length;
            float[] target = allRows ? batchLogits : last ? lastLogits : null;
            transformer.forward(state, tokens, from, count, position, allRows, target, model.observer(), model.pool());
            position += count;
            if (allRows) {
                for (int t = 0; t < count; t++) {
                    rows[from + t] = Arrays.copyOfRange(batchLogits, t * vocabulary, (t + 1) * vocabulary);
                }
                if (last) {
                    System.arraycopy(rows[tokens.length - 1], 0, lastLogits, 0, vocabulary);
                }
            }
        }
    }

    /** Tokens fed so far (the next token's position). */
    public int position() {
        return position;
    }

    public int contextLength() {
        return state.contextLength();
    }

    /** Positions still free. */
    public int remaining() {
        return contextLength() - position;
    }

    /** Bytes of KV cache memory this session holds. */
    public long cacheBytes() {
        return state.cacheBytes();
    }

    /**
     * Forgets the cached tokens at positions {@code [keep, keep + count)}: later ones move down by {@code count}
     * (their cached keys re-rotated for their new positions), freeing {@code count} positions. The model then
     * sees the remaining tokens as if the dropped ones had never been there, except that what later tokens
     * computed from them stays in their cached values (as with llama.cpp's context shift).
     *
     * @throws IllegalArgumentException when the range is not within the tokens fed
     */
    public void discard(int keep, int count) {
        if (keep < 0 || count < 1 || keep + count > position) {
            throw new IllegalArgumentException("cannot discard " + count + " tokens after the first " + keep + " of "
                    + position);
        }
        model.checkOpen();
        transformer.discard(state, keep, count, position);
        position -= count;
    }

    /** Forgets every token: the next one is fed at position 0. */
    public void reset() {
        position = 0;
    }

    /** Frees the KV cache. Idempotent. */
    @Override
    public void close() {
        closed = true;
        state.close();
    }
}
