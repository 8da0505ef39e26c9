package io.github.deepseek4j;

/**
 * Stops a running generation from another thread: pass it to
 * {@link GenerationOptions.Builder#cancellation(CancellationToken)} and call {@link #cancel()}. The
 * generation ends after the token being computed, with {@link StopReason#CANCELLED}. Thread-safe; once
 * cancelled it stays cancelled.
 */
public final class CancellationToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
