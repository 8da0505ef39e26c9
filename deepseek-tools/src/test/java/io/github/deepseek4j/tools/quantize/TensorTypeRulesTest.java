package io.github.deepseek4j.tools.quantize;

import io.github.deepseek4j.gguf.GgufTensorInfo;
import io.github.deepseek4j.quant.GgmlType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TensorTypeRulesTest {

    private static final TensorTypeRules.ModelFacts DENSE = new TensorTypeRules.ModelFacts("llama", 16, 0, 2, false);

    private static GgufTensorInfo tensor(String name, long... shape) {
        return new GgufTensorInfo(name, GgmlType.F32, shape, 0, 4 * java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b), 0);
    }

    @Test
    void tiedEmbeddingsAreQuantizedAsTheOutput() throws Exception {
        GgufTensorInfo embd = tensor("token_embd.weight", 512, 1000);
        TensorTypeRules tied = new TensorTypeRules(QuantizationMix.Q4_0, List.of(embd), DENSE);
        assertThat(tied.typeOf(embd)).isEqualTo(GgmlType.Q6_K);
        GgufTensorInfo output = tensor("output.weight", 512, 1000);
        TensorTypeRules untied = new TensorTypeRules(QuantizationMix.Q4_0, List.of(embd, output), DENSE);
        assertThat(untied.typeOf(embd)).isEqualTo(GgmlType.Q4_0);
        assertThat(untied.typeOf(output)).isEqualTo(GgmlType.Q6_K);
        assertThat(new TensorTypeRules(QuantizationMix.Q8_0, List.of(output), DENSE).typeOf(output)).isEqualTo(GgmlType.Q8_0);
        GgufTensorInfo narrow = tensor("output.weight", 96, 1000);
        assertThat(new TensorTypeRules(QuantizationMix.Q4_1, List.of(narrow), DENSE).typeOf(narrow)).isEqualTo(GgmlType.Q8_0);
    }

    @Test
    void vectorsNormsAndRoutersKeepTheirTypeAndOddRowsFallBack() throws Exception {
        TensorTypeRules rules = new TensorTypeRules(QuantizationMix.Q5_0, List.of(), DENSE);
        assertThat(rules.typeOf(tensor("blk.0.attn_norm.weight", 512))).isEqualTo(GgmlType.F32);
        assertThat(rules.typeOf(tensor("blk.0.attn_kv_a_norm.weight", 512, 1))).isEqualTo(GgmlType.F32);
        assertThat(rules.typeOf(tensor("blk.3.ffn_gate_inp.weight", 512, 64))).isEqualTo(GgmlType.F32);
        assertThat(rules.typeOf(tensor("blk.0.attn_q.bias", 512, 4))).isEqualTo(GgmlType.F32);
        assertThat(rules.typeOf(tensor("blk.0.ffn_up.weight", 512, 64))).isEqualTo(GgmlType.Q5_0);
        assertThat(rules.typeOf(tensor("blk.0.ffn_up.weight", 100, 64))).isEqualTo(GgmlType.F16);
        TensorTypeRules q6 = new TensorTypeRules(QuantizationMix.Q6_K, List.of(), DENSE);
        assertThat(q6.typeOf(tensor("blk.0.ffn_down.weight", 1408, 64))).isEqualTo(GgmlType.Q8_0);
    }

    @Test
    void mediumMixesGiveMoreBitsToTheFirstAndLastEighthAndEveryThirdLayer() throws Exception {
        List<GgufTensorInfo> values = new java.util.ArrayList<>();
        for (int l = 0; l < 16; l++) {
            values.add(tensor("blk." + l + ".attn_v.weight", 512, 64));
        }
        TensorTypeRules rules = new TensorTypeRules(QuantizationMix.Q4_K_M, values, DENSE);
        StringBuilder types = new StringBuilder();
        for (GgufTensorInfo v : values) {
            types.append(rules.typeOf(v) == GgmlType.Q6_K ? '6' : '4');
        }
        assertThat(types).hasToString("6644644644644666");
        assertThat(rules.typeOf(tensor("blk.0.ffn_down.weight", 96, 512))).isEqualTo(GgmlType.Q8_0);
        assertThat(rules.typeOf(tensor("blk.1.ffn_down.weight", 96, 512))).isEqualTo(GgmlType.Q8_0);
        assertThat(rules.typeOf(tensor("blk.2.ffn_down.weight", 96, 512))).isEqualTo(GgmlType.Q5_0);
        assertThat(rules.typeOf(tensor("blk.1.ffn_up.weight", 100, 512))).isEqualTo(GgmlType.F16);
    }

    @Test
    void eightExpertModelsKeepAttentionValuesAndKeysAtQ8_0() throws Exception {
        TensorTypeRules rules = new TensorTypeRules(QuantizationMix.Q4_0, List.of(), new TensorTypeRules.ModelFacts("deepseek2", 4, 8, 1, false));
        assertThat(rules.typeOf(tensor("blk.0.attn_v.weight", 512, 64))).isEqualTo(GgmlType.Q8_0);
        assertThat(rules.typeOf(tensor("blk.0.attn_k.weight", 512, 64))).isEqualTo(GgmlType.Q8_0);
        assertThat(rules.typeOf(tensor("blk.0.attn_kv_b.weight", 512, 64))).isEqualTo(GgmlType.Q4_0);
        assertThat(rules.typeOf(tensor("blk.0.attn_q.weight", 512, 64))).isEqualTo(GgmlType.Q4_0);
    }
}
