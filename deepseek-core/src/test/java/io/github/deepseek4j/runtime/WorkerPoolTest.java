package io.github.deepseek4j.runtime;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerPoolTest {

    @Test
    void everyRowRunsExactlyOnce() {
        try (WorkerPool pool = new WorkerPool(3)) {
            for (int count : new int[] {1, 2, 3, 13, 207}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(count);
                pool.forRange(count, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        hits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < count; i++) {
                    assertThat(hits.get(i)).as("row %d of %d", i, count).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aFailingChunkFailsTheCall() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThatThrownBy(() -> pool.forRange(10, (from, to) -> {
                if (from > 0) {
                    throw new IllegalStateException("boom");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        }
    }

    @Test
    void rejectsNonPositiveThreadCounts() {
        assertThatThrownBy(() -> new WorkerPool(0)).hasMessageContaining("threads must be >= 1, got 0");
    }
}
