package io.github.deepseek4j.cli;

import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    @Test
    void theBackendFlagChoosesTheKernelsMeasuredInOneRunAndKeepsTheJsonKeys() {
        String model = SharedData.require("models/stories260K.gguf").toString();
        CliRun run = CliRun.of("bench", "--model", model, "--prompt", "4", "--generate", "2", "--repeat", "1",
                "--threads", "1", "--backend", "vector,scalar", "--no-baseline", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"vector-").contains("\"scalar\"").contains("\"prefill_tokens_per_s\"")
                .contains("\"decode_tokens_per_s\"").doesNotContain("native");
    }

    @Test
    void anUnknownBackendExitsTwoNamingTheChoices() {
        CliRun run = CliRun.of("bench", "--model", "unused.gguf", "--backend", "tpu");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown kernel backend 'tpu'").contains("preferred, blas, native, vector, scalar");
    }
}
