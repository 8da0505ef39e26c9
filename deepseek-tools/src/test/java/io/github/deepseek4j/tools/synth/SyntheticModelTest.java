package io.github.deepseek4j.tools.synth;

import io.github.deepseek4j.tools.ModelShape;

import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufMetadata;
import io.github.deepseek4j.quant.GgmlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticModelTest {

    @TempDir
    Path dir;

    /** DeepSeek-V3's structure at toy widths, so the test writes kilobytes, not gigabytes. */
    private static final ModelShape TOY_V3 = ModelShape.latentMixtureOfExperts("toy-v3", "toy", "deepseek-v3",
            new ModelShape.Sizes(400, 64, 3, 4, 4, 96, 4096, 10_000f, 1e-6f, false),
            new ModelShape.LatentAttention(32, 32, 16, 8, 16), new ModelShape.Experts(1, 8, 2, 1, 32, 2.5f, true, 2, 4, 2),
            new ModelShape.Yarn(40f, 4096, 0.1f));

    @Test
    void writesTheTensorsAndMetadataOfTheShape() throws Exception {
        Path out = dir.resolve("toy.gguf");
        new SyntheticModel(TOY_V3, GgmlType.F16, 3).write(out, (i, n, name) -> { });
        try (GgufFile gguf = GgufFile.open(out)) {
            GgufMetadata m = gguf.metadata();
            assertThat(m.getString("general.architecture")).isEqualTo("deepseek2");
            assertThat(m.getInt("deepseek2.attention.key_length")).isEqualTo(24);
            assertThat(m.getInt("deepseek2.expert_group_count")).isEqualTo(4);
            assertThat(gguf.tensor("blk.0.ffn_gate.weight").shape()).containsExactly(64, 96);
            assertThat(gguf.tensor("blk.1.ffn_gate_exps.weight").shape()).containsExactly(64, 32, 8);
            assertThat(gguf.tensor("blk.1.ffn_down_exps.weight").shape()).containsExactly(32, 64, 8);
            assertThat(gguf.tensor("blk.2.attn_kv_b.weight").shape()).containsExactly(32, 4 * (16 + 16));
            assertThat(gguf.tensor("blk.2.attn_q_b.weight").shape()).containsExactly(32, 4 * 24);
            assertThat(gguf.tensor("blk.2.ffn_gate_inp.weight").type()).isEqualTo(GgmlType.F32);
            assertThat(gguf.tensor("blk.2.exp_probs_b.bias").shape()).containsExactly(8);
            assertThat(gguf.tensor("output.weight").type()).isEqualTo(GgmlType.F16);
            assertThat(m.getStringArray("tokenizer.ggml.tokens")).hasSize(400);
        }
    }

    @Test
    void quantizedTypesQuantizeWholeBlockMatricesAndKeepTheRestFloat() throws Exception {
        Path out = dir.resolve("toy-q8.gguf");
        new SyntheticModel(TOY_V3, GgmlType.Q8_0, 3).write(out, (i, n, name) -> { });
        try (GgufFile gguf = GgufFile.open(out)) {
            assertThat(gguf.metadata().getInt("general.file_type")).isEqualTo(7);
            assertThat(gguf.tensor("token_embd.weight").type()).isEqualTo(GgmlType.Q8_0);
            assertThat(gguf.tensor("blk.1.ffn_down_exps.weight").type()).isEqualTo(GgmlType.Q8_0);
            assertThat(gguf.tensor("blk.2.ffn_gate_inp.weight").type()).isEqualTo(GgmlType.F32);
            assertThat(gguf.tensor("blk.0.attn_norm.weight").type()).isEqualTo(GgmlType.F32);
        }
    }

    @Test
    void vocabularyMergesJoinExistingTokens() {
        SyntheticVocabulary v = SyntheticVocabulary.generate(2000, "<s>", "</s>", 9);
        assertThat(v.tokens()).hasSize(2000).doesNotHaveDuplicates();
        Set<String> known = new HashSet<>(v.tokens().subList(0, 256));
        List<String> merged = v.tokens().subList(256, 1998);
        for (int i = 0; i < v.merges().size(); i++) {
            String[] sides = v.merges().get(i).split(" ");
            assertThat(sides).hasSize(2);
            assertThat(known).contains(sides[0], sides[1]);
            assertThat(sides[0] + sides[1]).isEqualTo(merged.get(i));
            known.add(merged.get(i));
        }
        assertThat(v.bosId()).isEqualTo(1998);
    }

    @Test
    void realShapesAreKnownByName() {
        assertThat(ModelShape.byName("deepseek-v3").withLayers(4).layers()).isEqualTo(4);
        assertThat(ModelShape.byName("DEEPSEEK-V2-LITE").latent().qLoraRank()).isZero();
        assertThatThrownBy(() -> ModelShape.byName("gpt-5")).hasMessageContaining("deepseek-v3");
        assertThatThrownBy(() -> new SyntheticModel(TOY_V3, GgmlType.IQ1_S, 1)).hasMessageContaining("IQ1_S");
    }
}
