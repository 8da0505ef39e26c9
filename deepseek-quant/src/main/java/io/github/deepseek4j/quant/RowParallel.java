package io.github.deepseek4j.quant;

/**
 * Splits {@code count} independent rows into ranges and runs them, possibly on several threads.
 * The model owns the threads; kernels only receive this.
 */
@FunctionalInterface
public interface RowParallel {

    /** Work on rows {@code [from, to)}. */
    @FunctionalInterface
    interface RangeTask {
        void run(int from, int to);
    }

    /** Runs {@code task} over {@code [0, count)} and returns when every row is done. */
    void forRange(int count, RangeTask task);

    /** Everything on the calling thread. */
    static RowParallel serial() {
        return (count, task) -> task.run(0, count);
    }
}
