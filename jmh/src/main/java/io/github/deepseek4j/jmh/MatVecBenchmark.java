package io.github.deepseek4j.jmh;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.quant.MatrixOps;
import io.github.deepseek4j.quant.PooledRowParallel;
import io.github.deepseek4j.quant.RowKernel;
import org.openjdk.jmh.annotations.AuxCounters;
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
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Decode-time matrix x vector at a real shape (Qwen2-1.5B's FFN down projection: 8960 x 1536),
 * reporting the weight bytes streamed per second (the {@code bytes} counter, in bytes/s) beside a
 * plain float sum over off-heap memory on as many threads ({@code floatSum}): the machine's read
 * bandwidth measured in the same run, so that the ratio means something on a busy machine.
 *
 * <pre>jmh/run MatVecBenchmark -f 1 -wi 2 -i 5 -p type=Q4_0,Q8_0,Q4_K -p backend=native,vector</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class MatVecBenchmark {

    static final int ROWS = 8960;
    static final int COLS = 1536;

    /** Copies of one weight matrix (together far larger than the cache), the activations and the pool. */
    @State(Scope.Benchmark)
    public static class Weights {
        @Param({"F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q2_K", "Q3_K", "Q4_K", "Q5_K",
                "Q6_K", "IQ4_NL", "IQ4_XS"})
        public String type;

        @Param({"1", "2"})
        public int threads;

        /**
         * {@code vector}, {@code scalar}, {@code native} (the native kernels, widest variant, where they
         * apply, else vector) or {@code native-VARIANT} ({@code native-avx2}: that variant).
         */
        @Param({"vector"})
        public String backend;

        Arena arena;
        PooledRowParallel parallel;
        RowKernel kernel;
        MemorySegment[] copies;
        long matrixBytes;
        float[] x;
        float[] y;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            GgmlType ggmlType = GgmlType.byName(type);
            KernelBackend kernels = switch (backend) {
                case "scalar" -> KernelBackends.scalar();
                case "native" -> KernelBackends.nativeAndVector();
                case String n when n.startsWith("native-") -> KernelBackends.nativeAndVector(n.substring(7));
                default -> KernelBackends.vector();
            };
            kernel = kernels.kernel(ggmlType);
            arena = Arena.ofShared();
            parallel = new PooledRowParallel(threads);
            Random random = new Random(42);
            matrixBytes = ggmlType.byteSize((long) ROWS * COLS);
            copies = new MemorySegment[WeightStreams.copiesFor(matrixBytes)];
            for (int i = 0; i < copies.length; i++) {
                copies[i] = WeightStreams.randomMatrix(arena, ggmlType, (long) ROWS * COLS, random);
            }
            x = new float[COLS];
            for (int i = 0; i < COLS; i++) {
                x[i] = (float) random.nextGaussian();
            }
            y = new float[ROWS];
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            parallel.close();
            arena.close();
        }
    }

    /** 256 MiB of floats to sum, and the pool. */
    @State(Scope.Benchmark)
    public static class Baseline {
        static final int PARTS = 64;

        @Param({"1", "2"})
        public int threads;

        Arena arena;
        PooledRowParallel parallel;
        MemorySegment floats;
        float[] partialSums;

        @Setup(Level.Trial)
        public void setUp() {
            arena = Arena.ofShared();
            parallel = new PooledRowParallel(threads);
            floats = arena.allocate(WeightStreams.STREAMED_BYTES, 64);
            floats.fill((byte) 0x3c);
            partialSums = new float[PARTS];
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            parallel.close();
            arena.close();
        }
    }

    /** Bytes read by the benchmark method, reported by JMH as a rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Streamed {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Benchmark
    public float[] matVec(Weights w, Streamed streamed) {
        MemorySegment matrix = w.copies[w.next];
        w.next = (w.next + 1) % w.copies.length;
        MatrixOps.matVec(w.kernel, matrix, 0, ROWS, COLS, w.x, w.y, w.parallel);
        streamed.bytes += w.matrixBytes;
        return w.y;
    }

    /** The bandwidth baseline: a plain float sum over 256 MiB, in parts shared out by the same pool. */
    @Benchmark
    public float[] floatSum(Baseline b, Streamed streamed) {
        int floatsPerPart = (int) (b.floats.byteSize() / 4 / Baseline.PARTS) & ~7;
        b.parallel.forRange(Baseline.PARTS, (from, to) -> {
            for (int part = from; part < to; part++) {
                b.partialSums[part] = sum(b.floats, (long) part * floatsPerPart * 4, floatsPerPart);
            }
        });
        streamed.bytes += (long) floatsPerPart * 4 * Baseline.PARTS;
        return b.partialSums;
    }

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Eight independent sums so that add latency does not hide the memory stream. */
    private static float sum(MemorySegment m, long offset, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int i = 0; i < n; i += 8) {
            long at = offset + 4L * i;
            s0 += m.get(FLOAT, at);
            s1 += m.get(FLOAT, at + 4);
            s2 += m.get(FLOAT, at + 8);
            s3 += m.get(FLOAT, at + 12);
            s4 += m.get(FLOAT, at + 16);
            s5 += m.get(FLOAT, at + 20);
            s6 += m.get(FLOAT, at + 24);
            s7 += m.get(FLOAT, at + 28);
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    }
}
