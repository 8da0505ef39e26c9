package io.github.deepseek4j.quant;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    /** Calls from several threads at once (sessions sharing a model) and nested calls all complete. */
    @Test
    void concurrentAndNestedCallsEachRunEveryRowOnce() throws Exception {
        try (PooledRowParallel parallel = new PooledRowParallel(2);
             ExecutorService callers = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                results.add(callers.submit(() -> {
                    for (int call = 0; call < 2000; call++) {
                        AtomicIntegerArray runs = new AtomicIntegerArray(50);
                        parallel.forRange(50, (from, to) -> {
                            for (int r = from; r < to; r++) {
                                runs.incrementAndGet(r);
                                parallel.forRange(3, (a, b) -> { });
                            }
                        });
                        for (int r = 0; r < 50; r++) {
                            if (runs.get(r) != 1) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void closingIsIdempotentAndLaterCallsRunOnTheCaller() {
        PooledRowParallel parallel = new PooledRowParallel(3);
        parallel.close();
        parallel.close();
        AtomicIntegerArray runs = new AtomicIntegerArray(10);
        parallel.forRange(10, (from, to) -> {
            for (int r = from; r < to; r++) {
                runs.incrementAndGet(r);
            }
        });
        for (int r = 0; r < 10; r++) {
            assertThat(runs.get(r)).isEqualTo(1);
        }
    }

    @Test
    void threadCountMustBePositive() {
        assertThatThrownBy(() -> new PooledRowParallel(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }
}
