package io.github.deepseek4j.cli;

import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ConformCommandTest {

    @TempDir
    Path empty;

    @Test
    void passingCasesExitZero() {
        Path dir = SharedData.require("conformance");
        CliRun run = CliRun.of("conform", dir.toString(), "--case", "tiny-qwen2-f32", "--threads", "2");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("tiny-qwen2-f32").contains("PASS").contains("1 of 1 cases passed");
    }

    @Test
    void unsupportedCasesAreSkippedNotFailed() {
        Path dir = SharedData.require("conformance");
        CliRun run = CliRun.of("conform", dir.toString(), "--case", "tiny-llama-tq1_0", "--threads", "2");
        assumeTrue(run.out().contains("UNSUPPORTED"), "TQ1_0 is supported now: pick a case the engine lacks");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("0 of 0 cases passed; 1 unsupported (skipped)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonPrintsOneObjectPerCase() {
        Path dir = SharedData.require("conformance");
        CliRun run = CliRun.of("conform", dir.toString(), "--json", "--case", "real-stories260k-*", "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().trim().split("\n");
        assertThat(lines).hasSize(2);
        Map<String, Object> first = (Map<String, Object>) Json.parse(lines[0]);
        assertThat(first).containsEntry("case", "real-stories260k-f32-lily").containsEntry("status", "PASS")
                .containsKeys("median_row_error", "max_row_error", "top1_agreement");
    }

    @Test
    void notACaseDirectoryExitsTwo() {
        CliRun run = CliRun.of("conform", empty.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a conformance directory");
    }
}
