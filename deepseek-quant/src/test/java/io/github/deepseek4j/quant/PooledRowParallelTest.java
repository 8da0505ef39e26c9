package io.github.deepseek4j.quant;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PooledRowParallelTest {

    @Test
    void everyRowRunsExactlyOnce() {
        try (PooledRowParallel parallel = new PooledRowParallel(3)) {
            for (int count : new int[] {0, 1, 2, 5, 24, 25, 1000}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(count);
                parallel.forRange(count, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        runs.incrementAndGet(r);
                    }
                });
                for (int r = 0; r < count; r++) {
                    assertThat(runs.get(r)).as("row %d of %d", r, count).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aFailingRangeFailsTheCall() {
        try (PooledRowParallel parallel = new PooledRowParallel(2)) {
            assertThatThrownBy(() -> parallel.forRange(100, (from, to) -> {
                if (to == 100) {
                    throw new IllegalStateException("row range " + from + ".." + to);
                }
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("..100");
        }
    }

    @Test
    void threadCountMustBePositive() {
        assertThatThrownBy(() -> new PooledRowParallel(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }
}
