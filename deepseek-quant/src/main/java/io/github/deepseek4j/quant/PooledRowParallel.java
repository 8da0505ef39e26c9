package io.github.deepseek4j.quant;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RowParallel} over a fixed number of threads: the rows are cut into that many contiguous
 * ranges, the calling thread runs the first and daemon worker threads the others. Close it to stop
 * the workers; {@code close()} is idempotent.
 */
public final class PooledRowParallel implements RowParallel, AutoCloseable {

    private final int threads;
    private final ExecutorService workers;

    /**
     * @param threads how many threads share each call, the caller included (at least 1)
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    public PooledRowParallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        AtomicInteger counter = new AtomicInteger();
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "deepseek-rows-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    @Override
    public void forRange(int count, RangeTask task) {
        int parts = Math.min(threads, count);
        if (parts <= 1) {
            task.run(0, count);
            return;
        }
        List<Future<?>> others = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) count * p / parts);
            int to = (int) ((long) count * (p + 1) / parts);
            others.add(workers.submit(() -> task.run(from, to)));
        }
        task.run(0, (int) ((long) count / parts));
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for row workers", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
