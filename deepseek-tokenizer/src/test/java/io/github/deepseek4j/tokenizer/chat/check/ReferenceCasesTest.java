package io.github.deepseek4j.tokenizer.chat.check;

import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rendering in ../shared/reference/chat-templates/cases.json matches jinja2's character for character. */
class ReferenceCasesTest {

    private static final String CASES = "reference/chat-templates/cases.json";

    @TestFactory
    Stream<DynamicTest> everyCaseRendersExactly() throws IOException {
        Path file = SharedData.require(CASES);
        List<TemplateCaseResult> results = TemplateCases.run(TemplateCases.load(file));
        return results.stream().map(r -> DynamicTest.dynamicTest(r.testCase().name(),
                () -> assertThat(r.passed()).as(r.difference()).isTrue()));
    }

    @Test
    void fileHasBothRenderingsAndErrors() throws IOException {
        List<TemplateCase> cases = TemplateCases.load(SharedData.require(CASES));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(28);
        assertThat(cases).anyMatch(c -> c.expectedError() != null).anyMatch(c -> c.expected() != null);
    }
}
