package io.github.deepseek4j.fuzz;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: the fuzz harness over GGUF headers, tokenizer.json, safetensors headers and chat templates.
 * The normal build gives each target a few seconds; {@code -Pfuzz} (or {@link FuzzMain}) runs the long
 * campaign. Properties: {@code deepseek.fuzz.inputs} (per target), {@code deepseek.fuzz.seconds} (per
 * target), {@code deepseek.fuzz.seed}, {@code deepseek.fuzz.targets} (names, comma-separated; default all),
 * {@code deepseek.fuzz.out} (records reports, findings, slowest inputs).
 */
class FuzzTest {

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> everyRejectionIsTypedAndNothingHangs() throws Exception {
        long inputs = Long.getLong("deepseek.fuzz.inputs", Long.MAX_VALUE);
        Duration budget = Duration.ofSeconds(Long.getLong("deepseek.fuzz.seconds", inputs == Long.MAX_VALUE ? 3 : 86_400));
        long seed = Long.getLong("deepseek.fuzz.seed", System.nanoTime());
        String out = System.getProperty("deepseek.fuzz.out");
        String only = System.getProperty("deepseek.fuzz.targets", "");
        return FuzzTargets.all(scratch).stream()
                .filter(target -> only.isBlank() || Arrays.asList(only.split(",")).contains(target.name()))
                .map(target -> DynamicTest.dynamicTest(target.name(), () -> {
                    FuzzReport report = Fuzzer.run(target, seed, inputs, budget, out == null ? null : Path.of(out));
                    System.out.print(report.describe());
                    assertThat(report.findings).as("%s (seed %d):%n%s", target.name(), seed, report.describe()).isEmpty();
                    assertThat(report.outcomes.getOrDefault("accepted", 0L)).as("some mutants are still valid").isPositive();
                }));
    }
}
