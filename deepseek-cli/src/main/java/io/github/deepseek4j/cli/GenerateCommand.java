package io.github.deepseek4j.cli;

import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.GenerationResult;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.TextStream;
import io.github.deepseek4j.tokenizer.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code deepseek generate [--model FILE] PROMPT [sampling flags] [--raw]}: continues a prompt, streaming the
 * text to standard output after the prompt itself (no chat template).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Continue a text prompt (no chat template), streaming the prompt and its continuation to stdout.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelFlags modelFlags;

    @Mixin
    SamplingFlags sampling;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "text to continue")
    String prompt;

    @Option(names = "--raw", description = "Take the prompt token for token: control tokens written in it "
            + "(e.g. <｜User｜>) are matched, no BOS is added, and generated control tokens are printed.")
    boolean raw;

    @Option(names = "--stats", description = "Print token counts, timings and the stop reason to stderr.")
    boolean stats;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GenerationOptions options = sampling.options().renderSpecialTokens(raw).build();
        try (Model model = modelFlags.load(err)) {
            Tokenizer tokenizer = model.tokenizer();
            int[] tokens = raw ? tokenizer.encode(prompt, false, true) : tokenizer.encode(prompt);
            out.print(prompt);
            out.flush();
            GenerationResult result;
            try (TextStream text = model.start(tokens, options)) {
                new ProgressBar(err, "prompt").followPrefill(text);
                text.forEachRemaining(delta -> {
                    out.print(delta);
                    out.flush();
                });
                result = text.result();
            }
            out.println();
            out.flush();
            if (stats) {
                err.println(result);
            }
        }
        return DeepSeekCli.EXIT_OK;
    }
}
