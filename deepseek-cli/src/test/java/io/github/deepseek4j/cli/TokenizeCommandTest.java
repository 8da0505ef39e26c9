package io.github.deepseek4j.cli;

import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizeCommandTest {

    @TempDir
    Path dir;

    @Test
    void tokenizePrintsIdsOrPieces() {
        Path vocab = SharedData.require("tokenizer/ggml-vocab-deepseek-v3.gguf");
        CliRun ids = CliRun.of("tokenize", vocab.toString(), "Hello world", "--ids");
        assertThat(ids.exitCode()).as(ids.err()).isZero();
        assertThat(ids.out().trim()).isEqualTo("0 19923 2058");
        assertThat(CliRun.of("tokenize", vocab.toString(), "Hello world", "--ids", "--no-bos").out().trim())
                .isEqualTo("19923 2058");
        CliRun special = CliRun.of("tokenize", vocab.toString(), "<｜end▁of▁sentence｜>", "--ids", "--no-bos", "--special");
        assertThat(special.out().trim()).isEqualTo("1");
        CliRun pieces = CliRun.of("tokenize", SharedData.require("tokenizer/deepseek-v3-hf").toString(), "Hi\n");
        assertThat(pieces.exitCode()).as(pieces.err()).isZero();
        assertThat(pieces.out()).contains("'Hi'").contains("'\\n'").contains("tokens");
    }

    @Test
    void checkPassesOnTheSharedVectorsAndFailsOnAWrongOne() throws Exception {
        Path shared = SharedData.require("tokenizer");
        link(shared, "ggml-vocab-stories260k.gguf", true);
        CliRun run = CliRun.of("tokenize-check", dir.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("ggml-vocab-stories260k.gguf").contains("46/46").contains("1 of 1 vocabularies pass");

        String name = "ggml-vocab-gpt-2.gguf";
        link(shared, name, false);
        String out = Files.readString(shared.resolve(name + ".out"));
        Files.writeString(dir.resolve(name + ".out"), out.replaceFirst(" 15496", " 15497"));
        CliRun failed = CliRun.of("tokenize-check", dir.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("45/46").contains("1 of 2 vocabularies pass").contains("first mismatch").contains("15496").contains("15497");
    }

    /** Links a shared vocabulary and its vectors into the temporary directory (the .out only if asked). */
    private void link(Path shared, String name, boolean withExpected) throws Exception {
        for (String suffix : withExpected ? new String[] {"", ".inp", ".out"} : new String[] {"", ".inp"}) {
            Files.createSymbolicLink(dir.resolve(name + suffix), shared.resolve(name + suffix));
        }
    }

    @Test
    void badInputIsExitCodeTwo() throws Exception {
        assertThat(CliRun.of("tokenize-check", dir.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("tokenize-check", dir.resolve("missing").toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("tokenize", dir.resolve("missing.gguf").toString(), "x").exitCode()).isEqualTo(2);
        Path bad = Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": {\"type\": \"Unigram\"}}");
        CliRun unsupported = CliRun.of("tokenize", bad.toString(), "x");
        assertThat(unsupported.exitCode()).isEqualTo(2);
        assertThat(unsupported.err()).contains("Unigram");
    }
}
