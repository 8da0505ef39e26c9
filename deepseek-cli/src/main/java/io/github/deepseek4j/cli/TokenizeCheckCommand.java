package io.github.deepseek4j.cli;

import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerOptions;
import io.github.deepseek4j.conformance.tokenizer.TokenizerTestVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code deepseek tokenize-check DIR}: runs llama.cpp-style tokenizer vectors ({@code X.gguf.inp}
 * and {@code X.gguf.out} beside the vocabulary {@code X.gguf}); exit 0 only when every one matches.
 */
@Command(name = "tokenize-check", mixinStandardHelpOptions = true,
        description = "Check every X.gguf against its X.gguf.inp / X.gguf.out vectors (no BOS, control tokens"
                + " not parsed); print passed/total per vocabulary and the first mismatch in full.")
final class TokenizeCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "directory with X.gguf, X.gguf.inp and X.gguf.out files")
    Path dir;

    @Override
    public Integer call() throws Exception {
        List<Path> inputs = vectorFiles();
        PrintWriter out = spec.commandLine().getOut();
        int failedVocabularies = 0;
        for (Path inp : inputs) {
            String name = inp.getFileName().toString();
            Path vocabulary = inp.resolveSibling(name.substring(0, name.length() - ".inp".length()));
            Path expected = inp.resolveSibling(vocabulary.getFileName() + ".out");
            Tokenizer tokenizer = TokenizerFiles.open(vocabulary, TokenizerOptions.defaults());
            List<TokenizerTestVectors.Result> results =
                    TokenizerTestVectors.run(tokenizer, TokenizerTestVectors.read(inp, expected));
            long passed = results.stream().filter(TokenizerTestVectors.Result::passed).count();
            out.printf("%-40s %d/%d%n", vocabulary.getFileName(), passed, results.size());
            results.stream().filter(r -> !r.passed()).findFirst().ifPresent(r -> {
                out.println("  first mismatch: input " + TokenizeCommand.quote(r.testCase().input()));
                out.println("    expected " + Arrays.toString(r.testCase().expected()));
                out.println("    actual   " + Arrays.toString(r.actual()));
            });
            if (passed < results.size()) {
                failedVocabularies++;
            }
        }
        out.printf("%d of %d vocabularies pass%n", inputs.size() - failedVocabularies, inputs.size());
        out.flush();
        return failedVocabularies == 0 ? DeepSeekCli.EXIT_OK : DeepSeekCli.EXIT_CHECK_FAILED;
    }

    /** The {@code .gguf.inp} files of the directory, sorted; none is bad input. */
    private List<Path> vectorFiles() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "not a directory: " + dir);
        }
        List<Path> inputs;
        try (Stream<Path> files = Files.list(dir)) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(".gguf.inp")).sorted().toList();
        }
        if (inputs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no *.gguf.inp tokenizer vectors in " + dir);
        }
        return inputs;
    }
}
