package io.github.deepseek4j.cli;

import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.runtime.Logits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code deepseek bench}: prefill and decode speed of a model, with the scalar kernels as the baseline
 * measured in the same run, so the ratio means something on a shared, noisy machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure prefill and decode tokens/s, against the scalar kernels in the same run.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "GGUF model (or archive)")
    Path model;

    @Option(names = "--prompt", defaultValue = "64", paramLabel = "N", description = "prompt tokens prefilled as one batch (default: ${DEFAULT-VALUE})")
    int promptTokens;

    @Option(names = "--generate", defaultValue = "32", paramLabel = "N", description = "tokens decoded one at a time (default: ${DEFAULT-VALUE})")
    int decodeTokens;

    @Option(names = "--threads", paramLabel = "N", description = "compute threads (default: all processors)")
    Integer threads;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N", description = "runs per backend; the median is reported (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--backend", paramLabel = "NAME", split = ",", description = "kernels to measure: preferred, "
            + "blas, native, vector or scalar; several, comma-separated, are measured one after another in this run "
            + "(default: -Ddeepseek4j.backend, else preferred)")
    List<String> backends;

    @Option(names = "--no-baseline", description = "skip the scalar-kernel baseline")
    boolean noBaseline;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    private record Speed(double prefillTokensPerSecond, double decodeTokensPerSecond) {
    }

    @Override
    public Integer call() throws Exception {
        if (promptTokens < 1 || decodeTokens < 1 || repeat < 1) {
            throw new IllegalArgumentException("--prompt, --generate and --repeat must be at least 1");
        }
        Map<String, Speed> results = new LinkedHashMap<>();
        List<KernelBackend> chosen = backends == null ? List.of(KernelBackends.configured())
                : backends.stream().map(KernelBackends::named).toList(); // every name checked before measuring
        for (KernelBackend backend : chosen) {
            results.put(backend.name(), measure(backend));
        }
        if (!noBaseline && !results.containsKey(KernelBackends.scalar().name())) {
            results.put(KernelBackends.scalar().name(), measure(KernelBackends.scalar()));
        }
        print(results);
        return DeepSeekCli.EXIT_OK;
    }

    private Speed measure(KernelBackend backend) throws Exception {
        Model.Builder builder = Model.builder(model).backend(backend).contextLength(promptTokens + decodeTokens);
        if (threads != null) {
            builder.threads(threads);
        }
        try (Model m = builder.build()) {
            int[] prompt = new Random(1).ints(promptTokens, 0, m.vocabularySize()).toArray();
            List<Speed> runs = new ArrayList<>();
            for (int r = 0; r <= repeat; r++) { // the first run warms up the JIT and is not counted
                try (Session session = m.newSession()) {
                    long start = System.nanoTime();
                    float[] logits = session.forward(prompt);
                    long prefilled = System.nanoTime();
                    for (int t = 0; t < decodeTokens; t++) {
                        logits = session.forward(Logits.argmax(logits, logits.length));
                    }
                    long decoded = System.nanoTime();
                    if (r > 0) {
                        runs.add(new Speed(promptTokens * 1e9 / (prefilled - start), decodeTokens * 1e9 / (decoded - prefilled)));
                    }
                }
            }
            return new Speed(median(runs.stream().mapToDouble(Speed::prefillTokensPerSecond).toArray()),
                    median(runs.stream().mapToDouble(Speed::decodeTokensPerSecond).toArray()));
        }
    }

    private void print(Map<String, Speed> results) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("model", model.toString());
            root.put("prompt_tokens", promptTokens);
            root.put("decode_tokens", decodeTokens);
            results.forEach((name, s) -> root.put(name, Map.of("prefill_tokens_per_s", s.prefillTokensPerSecond(),
                    "decode_tokens_per_s", s.decodeTokensPerSecond())));
            out.println(Json.write(root));
            return;
        }
        int width = Math.max(12, results.keySet().stream().mapToInt(String::length).max().orElse(0));
        out.printf("%-" + width + "s %16s %16s%n", "kernels", "prefill tok/s", "decode tok/s");
        results.forEach((name, s) -> out.printf("%-" + width + "s %16.1f %16.1f%n", name, s.prefillTokensPerSecond(),
                s.decodeTokensPerSecond()));
        List<String> names = List.copyOf(results.keySet());
        String scalar = KernelBackends.scalar().name();
        String first = names.getFirst();
        for (String name : names) {
            String baseline = name.equals(first) ? scalar : first; // the others against the first one named
            if (!name.equals(scalar) && results.containsKey(baseline)) {
                Speed fast = results.get(name);
                Speed base = results.get(baseline);
                out.printf("%s vs %s: prefill %.2fx, decode %.2fx (same run, median of %d)%n", name, baseline,
                        fast.prefillTokensPerSecond() / base.prefillTokensPerSecond(),
                        fast.decodeTokensPerSecond() / base.decodeTokensPerSecond(), repeat);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
