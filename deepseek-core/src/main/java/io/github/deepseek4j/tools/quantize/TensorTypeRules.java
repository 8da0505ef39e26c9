package io.github.deepseek4j.tools.quantize;

import io.github.deepseek4j.gguf.GgufTensorInfo;
import io.github.deepseek4j.quant.GgmlType;

import java.util.List;

/**
 * Which type each tensor of a model gets in a {@link QuantizationMix}, by llama.cpp's rules
 * ({@code tensor_allows_quantization}, {@code llama_tensor_get_type}) for the mixes supported here:
 * vectors, norms, routers and a few small special tensors keep their type; the output projection (or
 * the token embedding when it doubles as the output) gets Q6_K, or Q8_0 when its rows are not whole
 * 256-blocks; attention V/K (and MLA's kv_b) get Q8_0 in 8-expert models; everything else the mix's type.
 */
final class TensorTypeRules {

    private static final int QK_K = 256;

    private final QuantizationMix mix;
    private final boolean tiedEmbeddings;
    private final long expertCount;

    /**
     * @param tensors     every tensor of the model (to tell whether the embedding doubles as the output)
     * @param expertCount the model's {@code <arch>.expert_count} (0 when dense)
     */
    TensorTypeRules(QuantizationMix mix, List<GgufTensorInfo> tensors, long expertCount) {
        this.mix = mix;
        this.tiedEmbeddings = tensors.stream().noneMatch(t -> t.name().equals("output.weight"));
        this.expertCount = expertCount;
    }

    /** The type {@code tensor} is written as; its own type when it is not to be quantized. */
    GgmlType typeOf(GgufTensorInfo tensor) {
        if (!quantizable(tensor)) {
            return tensor.type();
        }
        String name = tensor.name();
        GgmlType wanted = mix.defaultType();
        if (name.equals("output.weight") || (tiedEmbeddings && name.equals("token_embd.weight"))) {
            if (tensor.dim(0) % QK_K != 0) {
                wanted = GgmlType.Q8_0;
            } else if (wanted != GgmlType.Q8_0) {
                wanted = GgmlType.Q6_K;
            }
        } else if (expertCount == 8 && (name.contains("attn_v.weight") || name.contains("attn_qkv.weight")
                || name.contains("attn_kv_b.weight") || name.contains("attn_k.weight"))) {
            wanted = GgmlType.Q8_0;
        }
        return fallback(wanted, tensor.dim(0));
    }

    /**
     * Rows that are not whole blocks: Q6_K falls back to Q8_0 as in llama.cpp; where that still does
     * not fit, F16 (llama.cpp refuses the legacy types outright; F16 is its last resort for the others).
     */
    private static GgmlType fallback(GgmlType wanted, long rowLength) {
        if (rowLength % wanted.blockSize() == 0) {
            return wanted;
        }
        if (wanted == GgmlType.Q6_K && rowLength % GgmlType.Q8_0.blockSize() == 0) {
            return GgmlType.Q8_0;
        }
        return GgmlType.F16;
    }

    /** llama.cpp's {@code tensor_allows_quantization}, for the tensor names of the architectures we load. */
    static boolean quantizable(GgufTensorInfo tensor) {
        String name = tensor.name();
        return effectiveDimensions(tensor) >= 2
                && name.endsWith("weight")
                && !name.contains("_norm.weight")
                && !name.contains("ffn_gate_inp.weight")
                && !name.equals("position_embd.weight")
                && !name.equals("token_types.weight")
                && !name.contains("ssm_conv1d")
                && !name.contains("attn_rel_b.weight");
    }

    /** ggml's {@code ggml_n_dims}: trailing dimensions of size 1 do not count. */
    private static int effectiveDimensions(GgufTensorInfo tensor) {
        int n = tensor.dimensions();
        while (n > 1 && tensor.dim(n - 1) == 1) {
            n--;
        }
        return n;
    }
}
