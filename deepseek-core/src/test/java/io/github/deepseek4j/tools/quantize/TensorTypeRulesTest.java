package io.github.deepseek4j.tools.quantize;

import io.github.deepseek4j.gguf.GgufTensorInfo;
import io.github.deepseek4j.quant.GgmlType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TensorTypeRulesTest {

    private static GgufTensorInfo tensor(String name, long... shape) {
        return new GgufTensorInfo(name, GgmlType.F32, shape, 0, 4 * java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b), 0);
    }

    @Test
    void tiedEmbeddingsAreQuantizedAsTheOutput() {
        GgufTensorInfo embd = tensor("token_embd.weight", 512, 1000);
        TensorTypeRules tied = new TensorTypeRules(QuantizationMix.Q4_0, List.of(embd), 0);
        assertThat(tied.typeOf(embd)).isEqualTo(GgmlType.Q6_K);
        GgufTensorInfo output = tensor("output.weight", 512, 1000);
        TensorTypeRules untied = new TensorTypeRules(QuantizationMix.Q4_0, List.of(embd, output), 0);
        assertThat(untied.typeOf(embd)).isEqualTo(GgmlType.Q4_0);
        assertThat(untied.typeOf(output)).isEqualTo(GgmlType.Q6_K);
        assertThat(new TensorTypeRules(QuantizationMix.Q8_0, List.of(output), 0).typeOf(output)).isEqualTo(GgmlType.Q8_0);
        GgufTensorInfo narrow = tensor("output.weight", 96, 1000);
        assertThat(new TensorTypeRules(QuantizationMix.Q4_1, List.of(narrow), 0).typeOf(narrow)).isEqualTo(GgmlType.Q8_0);
    }

    @Test
    void vectorsNormsAndRoutersKeepTheirTypeAndOddRowsFallBack() {
        TensorTypeRules rules = new TensorTypeRules(QuantizationMix.Q5_0, List.of(), 0);
        assertThat(rules.typeOf(tensor("blk.0.attn_norm.weight", 512))).isEqualTo(GgmlType.F32);
        assertThat(rules.typeOf(tensor("blk.0.attn_kv_a_norm.weight", 512, 1))).isEqualTo(GgmlType.F32);
        assertThat(rules.typeOf(tensor("blk.3.ffn_gate_inp.weight", 512, 64))).isEqualTo(GgmlType.F32);
        assertThat(rules.typeOf(tensor("blk.0.attn_q.bias", 512, 4))).isEqualTo(GgmlType.F32);
        assertThat(rules.typeOf(tensor("blk.0.ffn_up.weight", 512, 64))).isEqualTo(GgmlType.Q5_0);
        assertThat(rules.typeOf(tensor("blk.0.ffn_up.weight", 100, 64))).isEqualTo(GgmlType.F16);
        TensorTypeRules q6 = new TensorTypeRules(QuantizationMix.Q6_K, List.of(), 0);
        assertThat(q6.typeOf(tensor("blk.0.ffn_down.weight", 1408, 64))).isEqualTo(GgmlType.Q8_0);
    }

    @Test
    void eightExpertModelsKeepAttentionValuesAndKeysAtQ8_0() {
        TensorTypeRules rules = new TensorTypeRules(QuantizationMix.Q4_0, List.of(), 8);
        assertThat(rules.typeOf(tensor("blk.0.attn_v.weight", 512, 64))).isEqualTo(GgmlType.Q8_0);
        assertThat(rules.typeOf(tensor("blk.0.attn_k.weight", 512, 64))).isEqualTo(GgmlType.Q8_0);
        assertThat(rules.typeOf(tensor("blk.0.attn_kv_b.weight", 512, 64))).isEqualTo(GgmlType.Q8_0);
        assertThat(rules.typeOf(tensor("blk.0.attn_q.weight", 512, 64))).isEqualTo(GgmlType.Q4_0);
    }
}
