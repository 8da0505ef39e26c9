package io.github.deepseek4j;

import java.time.Duration;

/**
 * The per-call side of one generation, shared by the thread that runs it and the threads that control it:
 * cancellation, the time limit, and how far it has come. Settings stay in {@link GenerationOptions}.
 */
final class GenerationControl {

    private final long startNanos = System.nanoTime();
    private volatile boolean cancelled;
    private volatile long limitNanos = -1; // -1: no time limit
    private volatile int promptTokens;
    private volatile int prefilled;
    private volatile int generated;

    void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Ends the generation with {@link StopReason#DEADLINE} once {@code limit} has passed since it started. */
    void timeout(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + limit);
        }
        limitNanos = limit.toNanos();
    }

    /** Cancellation or the time limit, whichever came first; null to go on. */
    StopReason interruption() {
        if (cancelled) {
            return StopReason.CANCELLED;
        }
        long limit = limitNanos;
        return limit >= 0 && System.nanoTime() - startNanos >= limit ? StopReason.DEADLINE : null;
    }

    void prefilled(int done, int total) {
        promptTokens = total;
        prefilled = done;
    }

    void generated(int count) {
        generated = count;
    }

    Generation.Progress progress() {
        int total = promptTokens;
        return new Generation.Progress(prefilled, total, generated);
    }
}
