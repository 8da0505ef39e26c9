package io.github.deepseek4j.conformance.template;

import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rendering in ../shared/reference/chat-templates/cases.json matches jinja2's character for
 * character; so do harder conversations (tool calls, tools, reasoning, role errors) over the same
 * templates, rendered by jinja2 into the tokenizer module's {@code src/test/resources/chat/official-template-cases.json}.
 */
class ReferenceCasesTest {

    private static final String CASES = "reference/chat-templates/cases.json";
    /** Generated beside the tokenizer's own template tests, which render it without the case runner. */
    private static final String HARDER_CASES = "deepseek-tokenizer/src/test/resources/chat/official-template-cases.json";

    @TestFactory
    Stream<DynamicTest> everyCaseRendersExactly() throws IOException {
        Path file = SharedData.require(CASES);
        List<TemplateCaseResult> results = TemplateCases.run(TemplateCases.load(file));
        return results.stream().map(r -> DynamicTest.dynamicTest(r.testCase().name(),
                () -> assertThat(r.passed()).as(r.difference()).isTrue()));
    }

    @TestFactory
    Stream<DynamicTest> harderConversationsRenderExactly() throws IOException {
        Path templates = SharedData.require(CASES).getParent();
        Path file = SharedData.repositoryRoot().resolve(HARDER_CASES);
        List<TemplateCase> cases = TemplateCases.load(file).stream()
                .map(c -> new TemplateCase(c.name(), templates.resolve(c.template().getFileName()), c.variables(),
                        c.expected(), c.expectedError()))
                .toList();
        return TemplateCases.run(cases).stream().map(r -> DynamicTest.dynamicTest(r.testCase().name(),
                () -> assertThat(r.passed()).as(r.difference()).isTrue()));
    }

    @Test
    void fileHasBothRenderingsAndErrors() throws IOException {
        List<TemplateCase> cases = TemplateCases.load(SharedData.require(CASES));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(28);
        assertThat(cases).anyMatch(c -> c.expectedError() != null).anyMatch(c -> c.expected() != null);
    }
}
