package io.github.deepseek4j.cli;

import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufTensorInfo;
import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InspectCommandTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void jsonListsTheTensorsTheFileHolds() throws Exception {
        Path model = SharedData.require("conformance/models/tiny-deepseek3-q4_k_m.gguf");
        CliRun run = CliRun.of("inspect", model.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = (Map<String, Object>) Json.parse(run.out().trim());
        List<Map<String, Object>> tensors = (List<Map<String, Object>>) json.get("tensors");
        try (GgufFile gguf = GgufFile.open(model)) {
            assertThat(tensors).hasSameSizeAs(gguf.tensorInfos());
            for (int i = 0; i < tensors.size(); i++) {
                GgufTensorInfo info = gguf.tensorInfos().get(i);
                assertThat(tensors.get(i)).containsEntry("name", info.name()).containsEntry("type", info.type().name())
                        .containsEntry("shape", Arrays.stream(info.shape()).boxed().toList())
                        .containsEntry("bytes", info.byteSize()).containsEntry("offset", info.offset());
            }
        }
        Map<String, Object> metadata = (Map<String, Object>) json.get("metadata");
        assertThat(metadata).containsEntry("general.architecture", "deepseek2");
        assertThat((Map<String, Object>) metadata.get("tokenizer.ggml.tokens"))
                .containsEntry("type", "STRING").containsEntry("length", 320L);
    }

    @Test
    void textOutputAndBadFiles() throws Exception {
        Path model = SharedData.require("conformance/models/tiny-llama-q4_0.gguf");
        CliRun ok = CliRun.of("inspect", model.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("architecture: llama").contains("token_embd.weight").contains("totals per type");

        Path bad = Files.write(dir.resolve("bad.gguf"), new byte[] {'G', 'G', 'U', 'F', 9, 0, 0, 0});
        CliRun failed = CliRun.of("inspect", bad.toString());
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err().trim()).startsWith("error: ").contains("bad.gguf").contains("version 9").doesNotContain("\n");
        assertThat(CliRun.of("inspect", dir.resolve("missing.gguf").toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("inspect").exitCode()).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void kvReportsTheLatentCacheOfLatentAttention() throws Exception {
        for (String name : new String[] {"tiny-deepseek3-q4_k_m", "tiny-deepseek3-mla-f16"}) {
            Path model = SharedData.require("conformance/models/" + name + ".gguf");
            CliRun run = CliRun.of("inspect", model.toString(), "--kv", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            Map<String, Object> json = (Map<String, Object>) Json.parse(run.out().trim());
            assertThat(json).containsEntry("latent_values_per_token_per_layer", 288L)
                    .containsEntry("bytes_per_token_f32", 2L * 288 * 4).containsEntry("bytes_per_token_f16", 2L * 288 * 2);
            assertThat((Long) json.get("expanded_bytes_per_token_f32")).isGreaterThan(2L * 288 * 4);
        }
        CliRun text = CliRun.of("inspect", SharedData.require("models/stories260K.gguf").toString(), "--kv");
        assertThat(text.out()).contains("KV cache per token").doesNotContain("latent");
    }

    @Test
    void dumpTensorWritesFloat32() throws Exception {
        Path model = SharedData.require("conformance/models/tiny-llama-f32.gguf");
        Path out = dir.resolve("norm.f32");
        CliRun run = CliRun.of("dump-tensor", model.toString(), "output_norm.weight", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (GgufFile gguf = GgufFile.open(model)) {
            assertThat(Files.readAllBytes(out)).isEqualTo(gguf.tensor("output_norm.weight").data().toArray(ValueLayout.JAVA_BYTE));
        }
        assertThat(CliRun.of("dump-tensor", model.toString(), "nope", "--out", out.toString()).exitCode()).isEqualTo(2);
    }
}
