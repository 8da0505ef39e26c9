package io.github.deepseek4j.runtime;

import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decoding reuses the session's buffers: once the JIT has compiled the kernels, the heap allocated per
 * token is small and independent of the model's size, at every vector width the CPU offers (256 bits,
 * and 512 where present: the JIT's inlining choices differ by width, and a vector that crosses a
 * method it did not inline is allocated on the heap). Each width runs in a JVM of its own, started
 * with {@code -XX:MaxVectorSize}, since the width is fixed at JVM start.
 */
class DecodeAllocationTest {

    /** The activations alone are 256 floats per layer step; a per-token buffer would cost kilobytes. */
    private static final long LIMIT = 4096;
    /** How long a model may take to reach the limit: the JIT lags on a loaded machine. */
    private static final int SECONDS_PER_MODEL = 20;

    /** tiny-llama in every type the Vector API kernels compute, on those kernels; DeepSeek-V3 as users run it. */
    private static final List<String> VECTOR_MODELS = List.of("f32", "f16", "bf16", "q8_0", "q4_0", "q4_1",
            "q5_0", "q5_1", "q2_k", "q3_k_m", "q4_k_m", "q5_k_m", "q6_k", "iq4_nl", "iq4_xs");

    static IntStream vectorWidths() {
        int widest = widestVectorBits();
        // without 256-bit vectors the Vector API kernels do not run (the scalar ones do): test the JVM as it is
        return widest < 256 ? IntStream.of(0) : IntStream.iterate(256, w -> w <= widest, w -> 2 * w);
    }

    @ParameterizedTest(name = "vectors of {0} bits (0: no Vector API kernels)")
    @MethodSource("vectorWidths")
    void decodeAllocatesLittlePerTokenAtEveryVectorWidth(int bits) throws Exception {
        List<String> args = new ArrayList<>(List.of(Long.toString(LIMIT), Integer.toString(SECONDS_PER_MODEL),
                "preferred", SharedData.require("conformance/models/tiny-deepseek3-f32.gguf").toString()));
        if (bits >= 256) {
            for (String type : VECTOR_MODELS) {
                args.add("vector");
                args.add(SharedData.require("conformance/models/tiny-llama-" + type + ".gguf").toString());
            }
        }
        String output = runProbe(bits, args);
        Matcher line = Pattern.compile("bytes-per-token (\\S+) (\\S+) (-?\\d+)").matcher(output);
        List<String> measured = new ArrayList<>();
        List<String> over = new ArrayList<>();
        while (line.find()) {
            String model = line.group(1) + " kernels, " + Path.of(line.group(2)).getFileName() + ": " + line.group(3);
            measured.add(model);
            if (Long.parseLong(line.group(3)) >= LIMIT) {
                over.add(model);
            }
        }
        assertThat(measured).as("models measured; probe output:%n%s", output).hasSize(args.size() / 2 - 1);
        assertThat(over).as("bytes allocated per decoded token, %s-bit vectors, limit %d", bits, LIMIT).isEmpty();
    }

    private static String runProbe(int bits, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (bits > 0) {
            command.add("-XX:MaxVectorSize=" + bits / 8);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DecodeAllocationProbe.class.getName()));
        command.addAll(args);
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until it exits
        probe.waitFor();
        assertThat(probe.exitValue()).as("probe exit status; output:%n%s", text).isZero();
        return text;
    }

    /** The width of the Vector API kernels here, from their name ("vector-512"); 0 without them. */
    private static int widestVectorBits() {
        try {
            String name = KernelBackends.vector().name();
            return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
        } catch (IllegalStateException e) {
            return 0;
        }
    }
}
