package io.github.deepseek4j.cli;

import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.conformance.ConformanceCase;
import io.github.deepseek4j.demo.DemoModel;
import io.github.deepseek4j.gguf.GgufTokenizers;
import io.github.deepseek4j.testing.SharedData;
import io.github.deepseek4j.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {

    private static final String MODEL = "models/stories260K.gguf";

    @Test
    void greedyGenerationPrintsTheReferenceContinuation() throws Exception {
        Path model = SharedData.require(MODEL);
        Path dir = SharedData.require("conformance");
        ConformanceCase c = ConformanceCase.read(dir, dir.resolve("cases/real-stories260k-f32-once.json"));
        Tokenizer tokenizer = GgufTokenizers.load(model);
        int[] all = IntStream.concat(IntStream.of(c.prompt()), IntStream.of(c.llamacppGreedy())).toArray();
        String expected = tokenizer.decode(all);
        assertThat(expected).startsWith("Once upon a time, there was a little girl named Lily. She loved to play "
                + "outside in the park. One day, she saw a big, red ball.");

        CliRun run = CliRun.of("generate", "--model", model.toString(), "--temperature", "0", "--max-tokens", "64",
                "--threads", "2", "Once upon a time");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(expected + System.lineSeparator());
    }

    @Test
    void seededRunsRepeatAndStopStringsCut() {
        String model = SharedData.require(MODEL).toString();
        CliRun first = CliRun.of("generate", "--model", model, "--seed", "7", "--max-tokens", "30", "--threads", "1",
                "--top-k", "20", "--repeat-penalty", "1.1", "Once upon a time");
        CliRun second = CliRun.of("generate", "--model", model, "--seed", "7", "--max-tokens", "30", "--threads", "2",
                "--top-k", "20", "--repeat-penalty", "1.1", "Once upon a time");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());

        CliRun stopped = CliRun.of("generate", "--model", model, "--temperature", "0", "--stop", "Lily",
                "Once upon a time");
        assertThat(stopped.out()).isEqualTo("Once upon a time, there was a little girl named " + System.lineSeparator());
    }

    @Test
    void withoutAModelTheBundledDemoModelWrites() throws Exception {
        String expected;
        try (Model demo = DemoModel.load()) {
            expected = demo.generate("ROMEO:", GenerationOptions.builder().maxTokens(24).build()).text();
        }
        CliRun run = CliRun.of("generate", "--temperature", "0", "--max-tokens", "24", "ROMEO:");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(expected).isNotBlank();
        assertThat(run.out()).isEqualTo("ROMEO:" + expected + System.lineSeparator());
    }

    @Test
    void badValuesExitTwo() {
        String model = SharedData.require(MODEL).toString();
        CliRun badTopP = CliRun.of("generate", "--model", model, "--top-p", "2", "x");
        assertThat(badTopP.exitCode()).isEqualTo(2);
        assertThat(badTopP.err()).contains("topP must be in (0, 1], got 2.0");
        CliRun missing = CliRun.of("generate", "--model", "/no/such.gguf", "x");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(CliRun.of("generate").exitCode()).isEqualTo(2);
        CliRun overflow = CliRun.of("generate", "--model", model, "--context", "8", "a prompt much longer than eight tokens");
        assertThat(overflow.exitCode()).as(overflow.err()).isEqualTo(2);
        assertThat(overflow.err()).contains("do not fit the context of 8").contains("--context").doesNotContain("internal error");
        CliRun unknownBackend = CliRun.of("generate", "--model", model, "--backend", "gpu", "x");
        assertThat(unknownBackend.exitCode()).isEqualTo(2);
        assertThat(unknownBackend.err()).contains("unknown kernel backend 'gpu'").contains("blas");
    }

    @Test
    void chatKeepsTheHistoryAndQuitsAtTheEndOfInput() {
        String model = SharedData.require(MODEL).toString();
        ChatCommand.input = new ByteArrayInputStream("Hello\n/reset\nTell me a story\n".getBytes(StandardCharsets.UTF_8));
        try {
            CliRun run = CliRun.of("chat", "--model", model, "--temperature", "0", "--max-tokens", "12",
                    "--reasoning", "hide");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines().filter(l -> !l.isBlank()).count()).isEqualTo(2);
        } finally {
            ChatCommand.input = System.in;
        }
    }
}
