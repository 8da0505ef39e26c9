package io.github.deepseek4j.jmh;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.quant.MatrixOps;
import io.github.deepseek4j.quant.PooledRowParallel;
import io.github.deepseek4j.quant.RowKernel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Prefill-time matrix x batch, {@code MatrixOps.matMul}, at Qwen2-1.5B's FFN shapes (up: 8960 x 1536, down:
 * 1536 x 8960) for 128 tokens, through the backend named ({@code KernelBackends.named}): pairs that
 * differ only in the backend. Operations per second x 2 x rows x cols x tokens = FLOP/s.
 *
 * <pre>jmh/run MatMulBenchmark -f 1 -wi 2 -i 5 -p type=F32,F16 -p backend=preferred,blas</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class MatMulBenchmark {

    @Param({"F32", "F16", "BF16"})
    public String type;

    @Param({"8960x1536", "1536x8960"})
    public String shape;

    @Param({"128"})
    public int tokens;

    @Param({"2"})
    public int threads;

    /** A name for {@code KernelBackends.named}: preferred, blas, native, vector, scalar. */
    @Param({"preferred", "blas"})
    public String backend;

    Arena arena;
    PooledRowParallel parallel;
    RowKernel kernel;
    MemorySegment weights;
    int rows;
    int cols;
    float[] x;
    float[] y;

    @Setup(Level.Trial)
    public void setUp() {
        GgmlType ggmlType = GgmlType.byName(type);
        kernel = KernelBackends.named(backend).kernel(ggmlType);
        rows = Integer.parseInt(shape.substring(0, shape.indexOf('x')));
        cols = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
        arena = Arena.ofShared();
        parallel = new PooledRowParallel(threads);
        Random random = new Random(42);
        weights = WeightStreams.randomMatrix(arena, ggmlType, (long) rows * cols, random);
        x = new float[tokens * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        y = new float[tokens * rows];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parallel.close();
        arena.close();
    }

    @Benchmark
    public float[] matMul() {
        MatrixOps.matMul(kernel, weights, 0, rows, cols, x, tokens, y, parallel);
        return y;
    }
}
