package io.github.deepseek4j.jmh;

import io.github.deepseek4j.arch.Architectures;
import io.github.deepseek4j.arch.Batch;
import io.github.deepseek4j.arch.Execution;
import io.github.deepseek4j.arch.ForwardState;
import io.github.deepseek4j.arch.LogitsTarget;
import io.github.deepseek4j.arch.Transformer;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.MetadataKey;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.quant.PooledRowParallel;
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

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One forward pass through the architecture SPI, without the session around it: {@code decode} feeds one token
 * after a cached prompt of {@code prompt} tokens (the state rewound to the prompt before each call, so every call
 * attends over the same length), {@code prefill} feeds the prompt as one batch from position 0. Both want the
 * last token's logits.
 *
 * <pre>jmh/run ForwardBenchmark -f 1 -wi 2 -i 5 -p model=../shared/conformance/models/tiny-deepseek3-q4_0.gguf</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ForwardBenchmark {

    /** The loaded network, a state holding the prompt, and the batches (paths are relative to the repository root). */
    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"../shared/conformance/models/tiny-llama-q4_0.gguf"})
        public String model;

        /** A name {@link KernelBackends#named} knows. */
        @Param({"preferred"})
        public String backend;

        @Param({"1", "2"})
        public int threads;

        @Param({"128"})
        public int prompt;

        GgufFile file;
        PooledRowParallel parallel;
        Transformer transformer;
        ForwardState state;
        Batch promptBatch;
        Batch next;
        LogitsTarget last;
        float[] logits;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            file = GgufFile.open(Path.of(model));
            KernelBackend kernels = KernelBackends.named(backend);
            parallel = new PooledRowParallel(threads);
            String architecture = file.metadata().getString(MetadataKey.GENERAL_ARCHITECTURE.key());
            transformer = Architectures.forName(architecture).load(file, new Execution(kernels, parallel, null));
            state = transformer.newState(prompt + 1, prompt, kernels.kernel(GgmlType.F32));
            Random random = new Random(42);
            int[] tokens = random.ints(prompt + 1, 0, transformer.info().vocabularySize()).toArray();
            promptBatch = new Batch(tokens, 0, prompt);
            next = new Batch(tokens, prompt, 1);
            logits = new float[transformer.info().vocabularySize()];
            last = LogitsTarget.last(logits);
            transformer.forward(state, promptBatch, LogitsTarget.none());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            state.close();
            parallel.close();
            file.close();
        }
    }

    @Benchmark
    public float[] decode(Loaded m) {
        m.state.rewind(m.prompt);
        m.transformer.forward(m.state, m.next, m.last);
        return m.logits;
    }

    @Benchmark
    public float[] prefill(Loaded m) {
        m.state.reset();
        m.transformer.forward(m.state, m.promptBatch, m.last);
        return m.logits;
    }
}
