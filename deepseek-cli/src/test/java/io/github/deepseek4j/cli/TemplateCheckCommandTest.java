package io.github.deepseek4j.cli;

import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void referenceCasesAllPass() {
        Path cases = SharedData.require("reference/chat-templates/cases.json");
        CliRun run = CliRun.of("template-check", cases.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("28/28 cases passed").doesNotContain("FAIL");
    }

    @Test
    void aMismatchShowsTheFirstDifferenceAndExitsOne() throws Exception {
        Files.writeString(dir.resolve("t.jinja"), "{% for m in messages %}[{{ m.content }}]{% endfor %}");
        Files.writeString(dir.resolve("cases.json"), """
                [{"name": "ok", "template": "t.jinja", "messages": [{"role": "user", "content": "a"}],
                  "add_generation_prompt": true, "expected": "[a]"},
                 {"name": "wrong", "template": "t.jinja", "messages": [{"role": "user", "content": "b"}],
                  "add_generation_prompt": true, "expected": "[c]"},
                 {"name": "no-error", "template": "t.jinja", "messages": [], "add_generation_prompt": true,
                  "expected_error": "boom"}]
                """);
        CliRun run = CliRun.of("template-check", dir.resolve("cases.json").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL wrong").contains("FAIL no-error").contains("1/3 cases passed")
                .contains("first difference (wrong): first difference at character 1: expected \"[c]\" but got \"[b]\"");
    }

    @Test
    void badInputExitsTwo() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "[{\"name\": ");
        assertThat(CliRun.of("template-check", dir.resolve("broken.json").toString()).exitCode()).isEqualTo(2);
        Files.writeString(dir.resolve("missing-template.json"), """
                [{"name": "x", "template": "nope.jinja", "messages": [], "add_generation_prompt": true, "expected": ""}]
                """);
        CliRun missing = CliRun.of("template-check", dir.resolve("missing-template.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.jinja");
        Files.writeString(dir.resolve("no-expectation.json"), """
                [{"name": "x", "template": "t.jinja", "messages": [], "add_generation_prompt": true}]
                """);
        assertThat(CliRun.of("template-check", dir.resolve("no-expectation.json").toString()).err()).contains("expected");
        assertThat(CliRun.of("template-check", dir.resolve("absent.json").toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("template-check").exitCode()).isEqualTo(2);
    }
}
