package io.github.deepseek4j.tools.quantize;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.gguf.GgufMetadata;
import io.github.deepseek4j.gguf.GgufTensorInfo;
import io.github.deepseek4j.quant.GgmlType;

import java.util.List;

import static io.github.deepseek4j.gguf.MetadataKey.*;
import static io.github.deepseek4j.gguf.TensorName.*;

/**
 * Which type each tensor of a model gets in a {@link QuantizationMix}, by llama.cpp's rules
 * ({@code tensor_allows_quantization}, {@code llama_tensor_get_type}) for the mixes supported here.
 * Vectors, norms, routers and a few small special tensors keep their type; the output projection (or
 * the token embedding when it doubles as the output) gets Q6_K; the K mixes give more bits to attention V,
 * attention output and FFN down (Q4_K_M / Q5_K_M: Q6_K in the layers {@link #useMoreBits} picks) and fused QKV;
 * 8-expert models keep attention V/K at Q8_0; rows that are not whole blocks fall back to a 32-block type.
 *
 * <p>Stateful like llama.cpp's: {@link #typeOf} must be called once per tensor, in the order they are written.
 */
final class TensorTypeRules {

    /** What the rules need to know about the model. */
    record ModelFacts(String architecture, int layers, long experts, long groupedQueries, boolean llama70b) {

        static ModelFacts of(GgufMetadata m) throws ModelFormatException {
            String arch = m.getString(GENERAL_ARCHITECTURE.key(), "");
            int layers = m.getInt(BLOCK_COUNT.key(arch), 0);
            long heads = m.getLong(ATTENTION_HEAD_COUNT.key(arch), 0);
            long kvHeads = m.getLong(ATTENTION_HEAD_COUNT_KV.key(arch), heads);
            return new ModelFacts(arch, layers, m.getLong(EXPERT_COUNT.key(arch), 0), kvHeads == 0 ? 0 : heads / kvHeads,
                    arch.equals("llama") && layers == 80 && heads != kvHeads);
        }
    }

    private final QuantizationMix mix;
    private final ModelFacts model;
    private final boolean tiedEmbeddings;
    private final int attentionValueCount;
    private int attentionValueIndex;
    private int ffnDownIndex;

    /** @param tensors every tensor of the model, in the order they will be asked about */
    TensorTypeRules(QuantizationMix mix, List<GgufTensorInfo> tensors, ModelFacts model) {
        this.mix = mix;
        this.model = model;
        this.tiedEmbeddings = tensors.stream().noneMatch(t -> OUTPUT.isWeight(t.name()));
        this.attentionValueCount = (int) tensors.stream().filter(t -> isAttentionValue(t.name())).count();
    }

    /** The type {@code tensor} is written as; its own type when it is not to be quantized. */
    GgmlType typeOf(GgufTensorInfo tensor) throws ModelFormatException {
        if (!quantizable(tensor)) {
            return tensor.type();
        }
        String name = tensor.name();
        GgmlType type = mix.defaultType();
        boolean moreBitsMix = mix == QuantizationMix.Q4_K_M || mix == QuantizationMix.Q5_K_M;
        boolean iq4Mix = mix == QuantizationMix.IQ4_NL || mix == QuantizationMix.IQ4_XS;
        if (OUTPUT.isWeight(name) || (tiedEmbeddings && isTokenEmbedding(name))) {
            if (tensor.dim(0) % type.blockSize() != 0) {
                type = GgmlType.Q8_0;
            } else if (type != GgmlType.Q8_0) {
                type = GgmlType.Q6_K;
            }
        } else if (isTokenEmbedding(name)) {
            // the mixes here keep the default type
        } else if (ATTN_V.isWeightIn(name)) {
            if (mix == QuantizationMix.Q2_K) {
                type = model.groupedQueries() >= 4 ? GgmlType.Q4_K : GgmlType.Q3_K;
            } else if (mix == QuantizationMix.Q3_K_M) {
                type = attentionValueIndex < 2 ? GgmlType.Q5_K : GgmlType.Q4_K;
            } else if (iq4Mix && model.groupedQueries() >= 4) {
                type = GgmlType.Q5_K;
            } else if (moreBitsMix && useMoreBits(attentionValueIndex, attentionValueCount)) {
                type = GgmlType.Q6_K;
            }
            if (model.llama70b() && (type == GgmlType.Q3_K || type == GgmlType.Q4_K)) {
                type = GgmlType.Q5_K;
            }
            if (model.experts() == 8) {
                type = GgmlType.Q8_0;
            }
            attentionValueIndex++;
        } else if (ATTN_K.isWeightIn(name)) {
            if (model.experts() == 8) {
                type = GgmlType.Q8_0;
            }
        } else if (ATTN_Q.isWeightIn(name)) {
            // no rule for the mixes here
        } else if (ATTN_OUTPUT.isWeightIn(name)) {
            if (model.architecture().equals("falcon")) {
                // llama.cpp's falcon rule concerns Q3_K_L only
            } else if (model.experts() == 8) {
                if (mix == QuantizationMix.Q2_K || mix == QuantizationMix.Q3_K_M || mix == QuantizationMix.Q4_K_M
                        || iq4Mix) {
                    type = GgmlType.Q5_K;
                }
            } else if (mix == QuantizationMix.Q2_K) {
                type = GgmlType.Q3_K;
            } else if (mix == QuantizationMix.Q3_K_M) {
                type = GgmlType.Q4_K;
            }
        } else if (ATTN_QKV.isWeightIn(name)) {
            if (mix == QuantizationMix.Q3_K_M) {
                type = GgmlType.Q4_K;
            } else if (mix == QuantizationMix.Q4_K_M) {
                type = GgmlType.Q5_K;
            } else if (mix == QuantizationMix.Q5_K_M) {
                type = GgmlType.Q6_K;
            }
        } else if (name.contains(FFN_DOWN.base())) { // ffn_down, ffn_down_exps, ffn_down_shexp
            int layer = layerOf(name, ffnDownIndex);
            boolean falcon = model.architecture().equals("falcon");
            if (mix == QuantizationMix.Q2_K) {
                type = GgmlType.Q3_K;
            } else if (mix == QuantizationMix.Q3_K_M) {
                type = layer < model.layers() / 16 ? GgmlType.Q5_K
                        : !falcon || useMoreBits(layer, model.layers()) ? GgmlType.Q4_K : GgmlType.Q3_K;
            } else if (iq4Mix && layer < model.layers() / 8) {
                type = GgmlType.Q5_K;
            } else if (moreBitsMix && !falcon && useMoreBits(layer, model.layers())) {
                type = GgmlType.Q6_K;
            }
            ffnDownIndex++;
        }
        return fallback(type, tensor.dim(0));
    }

    /** llama.cpp's choice of layers for more bits: the first and last eighth, and every third in between. */
    static boolean useMoreBits(int layer, int layers) {
        return layer < layers / 8 || layer >= 7 * layers / 8 || (layer - layers / 8) % 3 == 2;
    }

    /** Dense models count layers by tensor; in MoE ones the layer is read from the name, as llama.cpp does. */
    private int layerOf(String name, int counted) throws ModelFormatException {
        if (Math.max(1, model.experts()) == 1) {
            return counted;
        }
        int layer = GgufQuantizer.blockOf(name);
        if (layer < 0 || layer >= model.layers()) {
            throw new ModelFormatException("cannot tell the layer of tensor '" + name + "' (the model has "
                    + model.layers() + " layers)");
        }
        return layer;
    }

    /**
     * Rows that are not whole blocks of the chosen type fall back as in current llama.cpp (Q2_K and Q3_K
     * to Q4_0, IQ4_XS to IQ4_NL, Q4_K to Q5_0, Q5_K to Q5_1, Q6_K to Q8_0); where that still does not fit,
     * F16 (llama.cpp refuses the legacy types outright; F16 is its last resort for the others).
     */
    private static GgmlType fallback(GgmlType wanted, long rowLength) {
        if (rowLength % wanted.blockSize() == 0) {
            return wanted;
        }
        GgmlType second = switch (wanted) {
            case Q2_K, Q3_K -> GgmlType.Q4_0;
            case IQ4_XS -> GgmlType.IQ4_NL;
            case Q4_K -> GgmlType.Q5_0;
            case Q5_K -> GgmlType.Q5_1;
            case Q6_K -> GgmlType.Q8_0;
            default -> GgmlType.F16;
        };
        return rowLength % second.blockSize() == 0 ? second : GgmlType.F16;
    }

    private static boolean isTokenEmbedding(String name) {
        return TOKEN_EMBD.isWeight(name) || name.equals("per_layer_token_embd.weight"); // the latter: Gemma 3n
    }

    /**
     * The tensors llama.cpp counts as attention values (V, fused QKV, MLA's kv_b), though only V gets their
     * rules: the version that wrote our oracle files leaves kv_b at the default type (newer ones do not).
     */
    private static boolean isAttentionValue(String name) {
        return ATTN_V.isWeightIn(name) || ATTN_QKV.isWeightIn(name) || ATTN_KV_B.isWeightIn(name);
    }

    /** llama.cpp's {@code tensor_allows_quantization}, for the tensor names of the architectures we load. */
    static boolean quantizable(GgufTensorInfo tensor) {
        String name = tensor.name();
        return effectiveDimensions(tensor) >= 2
                && name.endsWith("weight")
                && !name.contains("_norm.weight")
                && !FFN_GATE_INP.isWeightIn(name)
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
