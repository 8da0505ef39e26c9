package io.github.deepseek4j.quant;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link RowParallel} over a fixed number of threads: the calling thread and daemon workers take
 * contiguous chunks of rows from a shared counter until none are left. Several chunks per thread
 * keep a thread that the OS descheduled (a busy or shared machine) from holding up the whole call.
 *
 * <p>Decoding issues hundreds of calls per token, microseconds apart, so idle workers spin for a short
 * while before they park: waking a parked thread costs tens of microseconds, as much as a whole
 * small matrix product. One call at a time uses the workers; a call made while another is running
 * (another session on the same model, or a nested call) runs on its caller's thread alone, which gives
 * the same results since rows are independent.
 *
 * <p>Close it to stop the workers; {@code close()} is idempotent.
 */
public final class PooledRowParallel implements RowParallel, AutoCloseable {

    /**
     * Chunks per thread: taking one is an atomic increment, so many; the threads then finish within
     * about 1/64 of a call of each other (with 8 per thread, 2-thread matrix products ran ~10 % slower).
     */
    private static final int CHUNKS_PER_THREAD = 32;
    /** How long an idle worker, or the caller waiting for workers, spins before it parks. */
    private static final long SPIN_NANOS = 200_000;
    /** How long a waiting caller parks at a time once it has stopped spinning. */
    private static final long WAIT_PARK_NANOS = 20_000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicBoolean inUse = new AtomicBoolean();
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final AtomicInteger workersBusy = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    // The current call, published to the workers by the volatile write of generation.
    private RangeTask task;
    private int count;
    private int chunks;
    private volatile long generation;
    private volatile boolean closed;

    /**
     * @param threads how many threads share each call, the caller included (at least 1)
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    public PooledRowParallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = Thread.ofPlatform().daemon().name("deepseek-rows-" + (i + 1)).start(this::work);
        }
    }

    public int threads() {
        return threads;
    }

    @Override
    public void forRange(int count, RangeTask task) {
        int chunks = Math.min(count, threads * CHUNKS_PER_THREAD);
        if (threads == 1 || chunks <= 1 || closed || !inUse.compareAndSet(false, true)) {
            task.run(0, count);
            return;
        }
        try {
            this.task = task;
            this.count = count;
            this.chunks = chunks;
            nextChunk.set(0);
            failure.set(null);
            workersBusy.set(workers.length);
            generation++; // publishes the fields above
            for (Thread worker : workers) {
                LockSupport.unpark(worker);
            }
            runChunks();
            awaitWorkers();
            Throwable failed = failure.get();
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
            if (failed != null) {
                throw new IllegalStateException(failed);
            }
        } finally {
            this.task = null;
            inUse.set(false);
        }
    }

    /** Takes chunks of the current call until none are left; a failure is kept for the caller. */
    private void runChunks() {
        RangeTask t = task;
        int n = count;
        int k = chunks;
        for (int c = nextChunk.getAndIncrement(); c < k; c = nextChunk.getAndIncrement()) {
            try {
                t.run((int) ((long) n * c / k), (int) ((long) n * (c + 1) / k));
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private void awaitWorkers() {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (workersBusy.get() != 0) {
            if (closed && noWorkerAlive()) {
                return; // closed during the call: workers that left had no chunk, the caller did them all
            }
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(WAIT_PARK_NANOS); // a descheduled worker: give the core away
            }
        }
    }

    private boolean noWorkerAlive() {
        for (Thread worker : workers) {
            if (worker.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void work() {
        long seen = 0;
        while (true) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (generation == seen) {
                if (closed) {
                    return;
                }
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this); // forRange unparks every worker
                }
            }
            seen = generation;
            runChunks();
            workersBusy.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
    }
}
