package io.github.deepseek4j.cli;

import io.github.deepseek4j.conformance.template.TemplateCase;
import io.github.deepseek4j.conformance.template.TemplateCaseResult;
import io.github.deepseek4j.conformance.template.TemplateCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code deepseek template-check CASES.json}: renders chat-template cases and compares them with their expectations. */
@Command(name = "template-check", mixinStandardHelpOptions = true,
        description = "Render every case of a chat-template cases file (format of ../shared/reference/chat-templates/"
                + "cases.json) and compare it with the expected text; exit 0 only if all match.")
final class TemplateCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASES.json", description = "cases file; template paths are relative to it")
    Path casesFile;

    @Override
    public Integer call() throws IOException {
        List<TemplateCase> cases = TemplateCases.load(casesFile);
        if (cases.isEmpty()) {
            throw new IOException(casesFile + ": no cases");
        }
        List<TemplateCaseResult> results = TemplateCases.run(cases);
        PrintWriter out = spec.commandLine().getOut();
        results.stream().filter(r -> !r.passed()).forEach(r -> out.println("FAIL " + r.testCase().name()));
        long passed = results.stream().filter(TemplateCaseResult::passed).count();
        out.printf("%d/%d cases passed%n", passed, results.size());
        results.stream().filter(r -> !r.passed()).findFirst().ifPresent(r ->
                out.println("first difference (" + r.testCase().name() + "): " + r.difference()));
        return passed == results.size() ? DeepSeekCli.EXIT_OK : DeepSeekCli.EXIT_CHECK_FAILED;
    }
}
