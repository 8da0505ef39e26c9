package io.github.deepseek4j.tools.convert;

import io.github.deepseek4j.Model;
import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufMetadata;
import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.tensor.Tensor;
import io.github.deepseek4j.testing.Float64;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HfConverterTest {

    @TempDir
    Path dir;
    private final Random random = new Random(11);
    private final Map<String, float[]> values = new LinkedHashMap<>();

    private float[] put(SafetensorsWriter w, String name, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        w.put(name, "F32", shape, v);
        values.put(name, v);
        return v;
    }

    @Test
    void deepseekV3CheckpointMapsToDeepseek2Gguf() throws Exception {
        Path ckpt = Files.createDirectories(dir.resolve("tiny-v3"));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architectures", List.of("DeepseekV3ForCausalLM"));
        config.putAll(Map.of("vocab_size", 300L, "hidden_size", 16L, "intermediate_size", 24L,
                "moe_intermediate_size", 8L, "num_hidden_layers", 2L, "first_k_dense_replace", 1L,
                "n_routed_experts", 3L, "n_shared_experts", 1L, "num_experts_per_tok", 2L, "num_attention_heads", 2L));
        config.putAll(Map.of("q_lora_rank", 8L, "kv_lora_rank", 4L, "qk_nope_head_dim", 4L, "qk_rope_head_dim", 2L,
                "v_head_dim", 4L, "rms_norm_eps", 1e-6, "max_position_embeddings", 64L, "scoring_func", "sigmoid",
                "norm_topk_prob", true, "routed_scaling_factor", 2.5));
        config.put("rope_scaling", Map.of("type", "yarn", "factor", 40.0, "original_max_position_embeddings", 4096L,
                "mscale_all_dim", 1.0));
        Files.writeString(ckpt.resolve("config.json"), Json.write(config));
        SafetensorsWriter w = new SafetensorsWriter();
        put(w, "model.embed_tokens.weight", 300, 16);
        put(w, "model.norm.weight", 16);
        put(w, "lm_head.weight", 300, 16);
        for (int l = 0; l < 3; l++) { // layer 2 is a multi-token-prediction layer: left out
            String p = "model.layers." + l + ".";
            put(w, p + "input_layernorm.weight", 16);
            put(w, p + "post_attention_layernorm.weight", 16);
            put(w, p + "self_attn.q_a_proj.weight", 8, 16);
            put(w, p + "self_attn.q_a_layernorm.weight", 8);
            put(w, p + "self_attn.q_b_proj.weight", 12, 8);
            put(w, p + "self_attn.kv_a_proj_with_mqa.weight", 6, 16);
            put(w, p + "self_attn.kv_a_layernorm.weight", 4);
            put(w, p + "self_attn.kv_b_proj.weight", 16, 4);
            put(w, p + "self_attn.o_proj.weight", 16, 8);
            if (l == 0) {
                for (String m : new String[] {"gate", "up"}) {
                    put(w, p + "mlp." + m + "_proj.weight", 24, 16);
                }
                put(w, p + "mlp.down_proj.weight", 16, 24);
            } else {
                put(w, p + "mlp.gate.weight", 3, 16);
                put(w, p + "mlp.gate.e_score_correction_bias", 3);
                for (String e : new String[] {"experts.0.", "experts.1.", "experts.2.", "shared_experts."}) {
                    put(w, p + "mlp." + e + "gate_proj.weight", 8, 16);
                    put(w, p + "mlp." + e + "up_proj.weight", 8, 16);
                    put(w, p + "mlp." + e + "down_proj.weight", 16, 8);
                }
            }
        }
        w.write(ckpt.resolve("model.safetensors"));
        Files.copy(SharedData.require("tokenizer/deepseek-v3-hf/tokenizer.json"), ckpt.resolve("tokenizer.json"));
        Files.copy(SharedData.require("tokenizer/deepseek-v3-hf/tokenizer_config.json"), ckpt.resolve("tokenizer_config.json"));

        Path out = dir.resolve("tiny.gguf");
        new HfConverter(GgmlType.F32).convert(ckpt, out, (i, n, name) -> { });
        try (GgufFile gguf = GgufFile.open(out)) {
            GgufMetadata m = gguf.metadata();
            assertThat(m.getString("general.architecture")).isEqualTo("deepseek2");
            assertThat(m.getInt("deepseek2.block_count")).isEqualTo(2);
            assertThat(m.getInt("deepseek2.attention.key_length")).isEqualTo(6);
            assertThat(m.getInt("deepseek2.expert_gating_func")).isEqualTo(2);
            assertThat(m.getFloat("deepseek2.rope.scaling.yarn_log_multiplier")).isEqualTo(0.1f);
            assertThat(m.getString("tokenizer.ggml.pre")).isEqualTo("deepseek-v3");
            assertThat(m.getStringArray("tokenizer.ggml.tokens")).hasSizeGreaterThan(128_000);
            assertThat(m.getInt("tokenizer.ggml.bos_token_id")).isZero();
            assertThat(gguf.hasTensor("blk.2.attn_norm.weight")).isFalse();
            assertThat(gguf.tensor("blk.1.ffn_gate_exps.weight").shape()).containsExactly(16, 8, 3);
            assertThat(gguf.tensor("blk.1.ffn_gate_inp.weight").type()).isEqualTo(GgmlType.F32);
            assertRowsEqual(gguf.tensor("blk.0.attn_kv_b.weight"), values.get("model.layers.0.self_attn.kv_b_proj.weight"));
            float[] stacked = new float[3 * 8 * 16];
            for (int e = 0; e < 3; e++) {
                System.arraycopy(values.get("model.layers.1.mlp.experts." + e + ".down_proj.weight"), 0, stacked, e * 128, 128);
            }
            assertRowsEqual(gguf.tensor("blk.1.ffn_down_exps.weight"), stacked);
            assertRowsEqual(gguf.tensor("blk.1.exp_probs_b.bias"), values.get("model.layers.1.mlp.gate.e_score_correction_bias"));
        }
    }

    @Test
    void convertedLlamaGivesTheLogitsOfHuggingFacesForwardPass() throws Exception {
        int embedding = 32, heads = 4, kvHeads = 2, ff = 48, layers = 2, vocab = 300;
        Path ckpt = Files.createDirectories(dir.resolve("tiny-llama"));
        Map<String, Object> config = new LinkedHashMap<>(Map.of("architectures", List.of("LlamaForCausalLM"),
                "vocab_size", (long) vocab, "hidden_size", (long) embedding, "intermediate_size", (long) ff,
                "num_hidden_layers", (long) layers, "num_attention_heads", (long) heads,
                "num_key_value_heads", (long) kvHeads, "rms_norm_eps", 1e-5, "rope_theta", 10_000.0));
        config.put("max_position_embeddings", 64L);
        config.put("tie_word_embeddings", true);
        Files.writeString(ckpt.resolve("config.json"), Json.write(config));
        SafetensorsWriter w = new SafetensorsWriter();
        put(w, "model.embed_tokens.weight", vocab, embedding);
        put(w, "model.norm.weight", embedding);
        for (int l = 0; l < layers; l++) {
            String p = "model.layers." + l + ".";
            put(w, p + "input_layernorm.weight", embedding);
            put(w, p + "post_attention_layernorm.weight", embedding);
            put(w, p + "self_attn.q_proj.weight", embedding, embedding);
            put(w, p + "self_attn.k_proj.weight", embedding / heads * kvHeads, embedding);
            put(w, p + "self_attn.v_proj.weight", embedding / heads * kvHeads, embedding);
            put(w, p + "self_attn.o_proj.weight", embedding, embedding);
            put(w, p + "mlp.gate_proj.weight", ff, embedding);
            put(w, p + "mlp.up_proj.weight", ff, embedding);
            put(w, p + "mlp.down_proj.weight", embedding, ff);
        }
        w.write(ckpt.resolve("model.safetensors"));
        Files.copy(SharedData.require("tokenizer/deepseek-v3-hf/tokenizer.json"), ckpt.resolve("tokenizer.json"));

        Path out = dir.resolve("llama.gguf");
        new HfConverter(GgmlType.F32).convert(ckpt, out, (i, n, name) -> { });
        int[] tokens = {5, 17, 200, 42, 9, 123};
        double[] expected = new HfLlamaReference(values, embedding, layers, heads, kvHeads, ff, 1e-5, 10_000)
                .lastLogits(tokens);
        try (Model model = Model.load(out); Session session = model.newSession()) {
            assertThat(model.gguf().hasTensor("output.weight")).as("tied embeddings").isFalse();
            float[] logits = session.forward(tokens);
            assertThat(Float64.relativeRmsError(logits, expected)).isLessThan(1e-5);
        }
    }

    @Test
    void fp8WeightsAreScaledByTheirBlockScale() {
        assertThat(HfCheckpoint.fp8e4m3((byte) 0x38)).isEqualTo(1f);
        assertThat(HfCheckpoint.fp8e4m3((byte) 0xC0)).isEqualTo(-2f);
        assertThat(HfCheckpoint.fp8e4m3((byte) 0x7E)).isEqualTo(448f);
        assertThat(HfCheckpoint.fp8e4m3((byte) 0x01)).isEqualTo(Math.scalb(1f, -9));
        assertThat(HfCheckpoint.fp8e4m3((byte) 0x7F)).isNaN();
    }

    @Test
    void brokenCheckpointsAreNamed() throws Exception {
        Path ckpt = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(ckpt.resolve("config.json"), Json.write(Map.of("architectures", List.of("GPT2LMHeadModel"))));
        Files.write(ckpt.resolve("model.safetensors"), new byte[] {(byte) 200, 0, 0, 0, 0, 0, 0, 0, '{', '}'});
        assertThatThrownBy(() -> new HfConverter(GgmlType.F32).convert(ckpt, dir.resolve("x.gguf"), (i, n, s) -> { }))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("header length 200");
        new SafetensorsWriter().put("a", "F32", new long[] {2}, new float[2]).write(ckpt.resolve("model.safetensors"));
        assertThatThrownBy(() -> new HfConverter(GgmlType.F32).convert(ckpt, dir.resolve("x.gguf"), (i, n, s) -> { }))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("GPT2LMHeadModel");
    }

    private static void assertRowsEqual(Tensor t, float[] expected) {
        float[] actual = new float[expected.length];
        KernelBackends.scalar().kernel(t.type()).dequantize(t.data(), 0, actual, 0, expected.length);
        assertThat(actual).containsExactly(expected);
    }
}
