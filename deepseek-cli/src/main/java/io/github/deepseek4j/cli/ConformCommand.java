package io.github.deepseek4j.cli;

import io.github.deepseek4j.KvCacheType;
import io.github.deepseek4j.conformance.CaseResult;
import io.github.deepseek4j.conformance.ConformanceCase;
import io.github.deepseek4j.conformance.ConformanceRunner;
import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.quant.KernelBackends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code deepseek conform DIR [--json] [--case GLOB]}: runs conformance cases (prefill as one batch, then
 * decode one token at a time) and checks every row of logits against the tolerance table. Exit 0 when
 * every case of a supported architecture and weight type passes (the others are listed as UNSUPPORTED and
 * skipped: ../shared grows ahead of the engine), 1 when any fails, 2 when DIR is not a conformance directory.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = "Check the engine's logits against a conformance directory's exact logits.")
final class ConformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "conformance directory (holding cases/ and models/)")
    Path directory;

    @Option(names = "--json", description = "Print one JSON object per case (one per line).")
    boolean json;

    @Option(names = "--case", paramLabel = "GLOB", description = "Only cases whose name matches, e.g. 'tiny-llama-*'.")
    String glob;

    @Option(names = "--threads", paramLabel = "N", description = "Compute threads (default: all processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--kv-cache", paramLabel = "TYPE", description = "KV cache precision: F32 (default) or F16.")
    KvCacheType cacheType = KvCacheType.F32;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<ConformanceCase> cases = ConformanceCase.discover(directory, glob);
        if (cases.isEmpty()) {
            spec.commandLine().getErr().println("error: no case in " + directory + " matches "
                    + (glob == null ? "*" : glob));
            return DeepSeekCli.EXIT_BAD_INPUT;
        }
        ConformanceRunner runner = new ConformanceRunner(KernelBackends.preferred(), threads, cacheType);
        int passed = 0;
        int unsupported = 0;
        for (ConformanceCase c : cases) {
            CaseResult r;
            try {
                r = runner.run(c);
            } catch (IOException e) {
                r = CaseResult.error(c, CliErrors.describe(e));
            }
            passed += r.passed() ? 1 : 0;
            unsupported += r.status() == CaseResult.Status.UNSUPPORTED ? 1 : 0;
            out.println(json ? Json.write(r.toJson()) : r.summary());
            out.flush();
        }
        if (!json) {
            out.printf("%d of %d cases passed%s%n", passed, cases.size() - unsupported,
                    unsupported == 0 ? "" : "; " + unsupported + " unsupported (skipped)");
        }
        return passed + unsupported == cases.size() ? DeepSeekCli.EXIT_OK : DeepSeekCli.EXIT_CHECK_FAILED;
    }
}
