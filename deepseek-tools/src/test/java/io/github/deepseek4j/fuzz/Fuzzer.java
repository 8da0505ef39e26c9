package io.github.deepseek4j.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Runs a target on mutated inputs until a count or a time budget is spent. */
final class Fuzzer {

    private Fuzzer() {
    }

    /**
     * @param maxInputs stop after this many inputs
     * @param budget    or after this long
     * @param record    where to write the findings and the slowest input, or null
     */
    static FuzzReport run(FuzzTarget target, long seed, long maxInputs, Duration budget, Path record) throws IOException {
        FuzzReport report = new FuzzReport(target.name(), seed);
        Mutator mutator = new Mutator(seed, target.seeds(), target.dictionary());
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        while (report.inputs < maxInputs && System.nanoTime() - end < 0) {
            byte[] input = mutator.next();
            long t0 = System.nanoTime();
            String outcome;
            boolean finding = false;
            try {
                target.reader().read(input);
                outcome = "accepted";
            } catch (Throwable e) {
                outcome = e.getClass().getSimpleName();
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError) && !(e instanceof OutOfMemoryError)) {
                    throw (VirtualMachineError) e;
                }
                if (!target.typed().test(e)) {
                    outcome = "UNTYPED " + outcome;
                    finding = true;
                    report.findings.add(Map.entry(input, outcome + ": " + e.getMessage()));
                }
            }
            long nanos = System.nanoTime() - t0;
            if (nanos > FuzzReport.HANG_NANOS) {
                report.hangs++;
                if (!finding) {
                    report.findings.add(Map.entry(input, "HANG " + nanos / 1_000_000 + " ms: " + outcome));
                }
            }
            if (nanos > report.slowestNanos) {
                report.slowestNanos = nanos;
                report.slowestInput = input;
                report.slowestOutcome = outcome;
            }
            report.outcomes.merge(outcome, 1L, Long::sum);
            report.inputs++;
        }
        report.elapsedNanos = System.nanoTime() - start;
        if (record != null) {
            record(report, record.resolve(target.name()));
        }
        return report;
    }

    private static void record(FuzzReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.txt"), report.describe());
        if (report.slowestInput != null) {
            Files.write(dir.resolve("slowest.bin"), report.slowestInput);
        }
        for (int i = 0; i < report.findings.size(); i++) {
            Files.write(dir.resolve("finding-" + i + ".bin"), report.findings.get(i).getKey());
        }
    }
}
