package io.github.deepseek4j.runtime;

import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelBackends;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Decodes with a model until the heap allocated per decoded token falls below a limit, or a time bound
 * passes, and prints the last figure. Run in its own JVM by {@link DecodeAllocationTest}, so that each
 * vector width gets a JVM of its own (the width is fixed at JVM start).
 *
 * <p>Arguments: the limit in bytes, the seconds to wait per model, then pairs of a backend name
 * ({@link KernelBackends#named}) and a model path. Prints one line per pair:
 * {@code bytes-per-token <backend> <model> <bytes>}.
 */
public final class DecodeAllocationProbe {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private DecodeAllocationProbe() {
    }

    public static void main(String[] args) throws IOException {
        long limit = Long.parseLong(args[0]);
        long waitNanos = Long.parseLong(args[1]) * 1_000_000_000L;
        for (int i = 2; i + 1 < args.length; i += 2) {
            KernelBackend backend = KernelBackends.named(args[i]);
            long bytes = steadyBytesPerToken(Path.of(args[i + 1]), backend, limit, waitNanos);
            System.out.println("bytes-per-token " + backend.name() + " " + args[i + 1] + " " + bytes);
        }
    }

    /**
     * Bytes per decoded token once the JIT has settled: measured again and again (the JIT compiles the
     * kernels in the background, later on a loaded machine) until below {@code limit} or out of time.
     */
    static long steadyBytesPerToken(Path file, KernelBackend backend, long limit, long waitNanos) throws IOException {
        try (Model model = Model.builder(file).backend(backend).threads(1).contextLength(200).build();
             Session session = model.newSession()) {
            long deadline = System.nanoTime() + waitNanos;
            long perToken;
            do {
                // the difference between 102 and 2 tokens leaves out the prompt and per-call costs
                perToken = (allocatedBy(session, 102) - allocatedBy(session, 2)) / 100;
            } while (perToken >= limit && System.nanoTime() < deadline);
            return perToken;
        }
    }

    private static long allocatedBy(Session session, int tokens) {
        session.reset();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        session.generate(new int[] {1, 2, 3, 4}, GenerationOptions.builder().maxTokens(tokens).build());
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
