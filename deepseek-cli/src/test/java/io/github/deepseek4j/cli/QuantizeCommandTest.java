package io.github.deepseek4j.cli;

import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class QuantizeCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheQuantizedModel() throws Exception {
        Path out = dir.resolve("q5_1.gguf");
        CliRun run = CliRun.of("quantize", SharedData.require("conformance/models/tiny-llama-f16.gguf").toString(),
                out.toString(), "q5_1", "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Q5_1");
        try (GgufFile gguf = GgufFile.open(out)) {
            assertThat(gguf.metadata().getInt("general.file_type")).isEqualTo(9);
            assertThat(gguf.tensor("blk.1.attn_q.weight").type()).isEqualTo(GgmlType.Q5_1);
        }
    }

    @Test
    void anUnsupportedTypeIsBadInputAndWritesNothing() {
        Path out = dir.resolve("x.gguf");
        CliRun run = CliRun.of("quantize", SharedData.require("conformance/models/tiny-llama-f16.gguf").toString(),
                out.toString(), "Q1_X");
        assertThat(run.exitCode()).isEqualTo(DeepSeekCli.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("Q1_X").contains("Q8_0");
        assertThat(Files.exists(out)).isFalse();
    }
}
