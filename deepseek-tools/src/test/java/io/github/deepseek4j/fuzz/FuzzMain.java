package io.github.deepseek4j.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The long fuzz campaign outside JUnit: {@code FuzzMain INPUTS_PER_TARGET [SEED [OUT_DIR [TARGET...]]]}; prints
 * one report per target and records findings and the slowest input under OUT_DIR. Exit 1 on any finding.
 */
public final class FuzzMain {

    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        long inputs = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path out = Path.of(args.length > 2 ? args[2] : "target/fuzz");
        Path scratch = Files.createTempDirectory("deepseek-fuzz");
        boolean clean = true;
        for (FuzzTarget target : FuzzTargets.all(scratch)) {
            if (args.length > 3 && !java.util.Arrays.asList(args).subList(3, args.length).contains(target.name())) {
                continue;
            }
            FuzzReport report = Fuzzer.run(target, seed, inputs, Duration.ofDays(1), out);
            System.out.print(report.describe());
            System.out.flush();
            clean &= report.findings.isEmpty();
        }
        System.exit(clean ? 0 : 1);
    }
}
