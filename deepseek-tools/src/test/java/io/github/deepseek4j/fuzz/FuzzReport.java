package io.github.deepseek4j.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a fuzz run saw: inputs, outcomes by exception type, findings, and the slowest input. */
final class FuzzReport {

    /** An input that took longer than this is a hang. */
    static final long HANG_NANOS = 5_000_000_000L;

    final String target;
    final long seed;
    long inputs;
    final Map<String, Long> outcomes = new TreeMap<>();
    /** Inputs that failed with an untyped exception or an Error, or hung; with what happened. */
    final List<Map.Entry<byte[], String>> findings = new ArrayList<>();
    long hangs;
    long slowestNanos = -1;
    byte[] slowestInput;
    String slowestOutcome;
    long elapsedNanos;

    FuzzReport(String target, long seed) {
        this.target = target;
        this.seed = seed;
    }

    long untyped() {
        return findings.size() - hangs;
    }

    /** One line per outcome, then the slowest input. */
    String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s: %,d inputs in %.1f s (seed %d), %d untyped, %d hangs over 5 s%n", target, inputs,
                elapsedNanos / 1e9, seed, untyped(), hangs));
        outcomes.forEach((outcome, n) -> out.append(String.format("  %-40s %,10d%n", outcome, n)));
        out.append(String.format("  slowest input: %.1f ms, %,d bytes, %s%n", slowestNanos / 1e6,
                slowestInput == null ? 0 : slowestInput.length, slowestOutcome));
        findings.forEach(f -> out.append("  FINDING ").append(f.getValue()).append('\n'));
        return out.toString();
    }
}
