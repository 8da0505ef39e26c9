package io.github.deepseek4j.quant;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RowParallel} over a fixed number of threads: the calling thread and daemon workers take
 * contiguous chunks of rows from a shared counter until none are left. Several chunks per thread
 * keep a thread that the OS descheduled (a busy or shared machine) from holding up the whole call.
 * Close it to stop the workers; {@code close()} is idempotent.
 */
public final class PooledRowParallel implements RowParallel, AutoCloseable {

    /** Chunks per thread: enough to balance, few enough that each chunk streams many rows. */
    private static final int CHUNKS_PER_THREAD = 8;

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
        int chunks = Math.min(count, threads * CHUNKS_PER_THREAD);
        if (threads == 1 || chunks <= 1) {
            task.run(0, count);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                task.run((int) ((long) count * c / chunks), (int) ((long) count * (c + 1) / chunks));
            }
        };
        List<Future<?>> others = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            others.add(workers.submit(worker));
        }
        worker.run();
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
