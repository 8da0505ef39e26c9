package io.github.deepseek4j.gguf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tensor-name and metadata-key tables spell names exactly as llama.cpp's GGUF files do. */
class NameTablesTest {

    @Test
    void tensorNamesPerLayerAndGlobal() {
        assertThat(TensorName.ATTN_Q.weight(3)).isEqualTo("blk.3.attn_q.weight");
        assertThat(TensorName.ATTN_Q.bias(3)).isEqualTo("blk.3.attn_q.bias");
        assertThat(TensorName.FFN_EXP_PROBS_B.bias(1)).isEqualTo("blk.1.exp_probs_b.bias");
        assertThat(TensorName.TOKEN_EMBD.weight()).isEqualTo("token_embd.weight");
        assertThatThrownBy(TensorName.ATTN_Q::weight).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TensorName.OUTPUT.weight(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exactAndLlamaCppStyleMatching() {
        assertThat(TensorName.ATTN_V.isWeight("blk.12.attn_v.weight")).isTrue();
        assertThat(TensorName.ATTN_V.isWeight("blk.12.attn_v_b.weight")).isFalse();
        assertThat(TensorName.ATTN_V.isWeight("enc.blk.0.attn_v.weight")).isFalse();
        assertThat(TensorName.ATTN_V.isWeightIn("enc.blk.0.attn_v.weight")).isTrue();
        assertThat(TensorName.OUTPUT.isWeight("output.weight")).isTrue();
        assertThat(TensorName.OUTPUT.isWeight("blk.0.output.weight")).isFalse();
    }

    @Test
    void metadataKeysPerArchitectureAndGeneral() {
        assertThat(MetadataKey.ATTENTION_KV_LORA_RANK.key("deepseek2")).isEqualTo("deepseek2.attention.kv_lora_rank");
        assertThat(MetadataKey.GENERAL_ARCHITECTURE.key()).isEqualTo("general.architecture");
        assertThat(MetadataKey.GENERAL_ARCHITECTURE.key("qwen2")).isEqualTo("general.architecture");
        assertThat(MetadataKey.TOKENIZER_SEPARATOR_ID.key()).isEqualTo("tokenizer.ggml.seperator_token_id");
        assertThatThrownBy(MetadataKey.CONTEXT_LENGTH::key).isInstanceOf(IllegalStateException.class);
    }
}
