package io.github.deepseek4j.runtime;

import io.github.deepseek4j.quant.RowParallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The model's threads: splits a range of independent rows into one chunk per thread, runs the first chunk
 * on the calling thread and the others on {@code threads - 1} daemon workers. Several sessions may call
 * it at once; workers never wait on each other, so it cannot deadlock. {@link #close()} stops the workers.
 */
public final class WorkerPool implements RowParallel, AutoCloseable {

    private final int threads;
    private final ExecutorService workers; // null when single-threaded

    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, daemonThreads());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "deepseek4j-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public int threads() {
        return threads;
    }

    @Override
    public void forRange(int count, RangeTask task) {
        int chunks = Math.min(threads, count);
        if (chunks <= 1) {
            task.run(0, count);
            return;
        }
        Future<?>[] pending = new Future<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) count * c / chunks);
            int to = (int) ((long) count * (c + 1) / chunks);
            pending[c - 1] = workers.submit(() -> task.run(from, to));
        }
        RuntimeException failure = null;
        try {
            task.run(0, (int) ((long) count / chunks));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for worker threads", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops the workers (idempotent); work already submitted finishes. */
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdown();
        }
    }
}
