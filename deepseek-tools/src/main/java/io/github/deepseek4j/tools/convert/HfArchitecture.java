package io.github.deepseek4j.tools.convert;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.gguf.MetadataKey;
import io.github.deepseek4j.tools.ModelShape;

import java.util.ArrayList;
import java.util.List;

import static io.github.deepseek4j.gguf.TensorName.*;

/**
 * How one Hugging Face architecture maps to GGUF: its metadata keys and, for every GGUF tensor, which
 * checkpoint rows it is made of (renamed, stacked per expert, or row-permuted for llama's rope).
 */
final class HfArchitecture {

    /** Where GGUF row {@code r} of a tensor comes from. */
    record RowSource(String tensor, long row) {
    }

    @FunctionalInterface
    interface RowMap {
        RowSource at(long ggufRow);
    }

    /** One GGUF tensor and the checkpoint tensors it reads. */
    record TensorPlan(String ggufName, long[] ggufShape, boolean keepF32, List<String> sources, RowMap map) {
        long rows() {
            long n = 1;
            for (int d = 1; d < ggufShape.length; d++) {
                n *= ggufShape[d];
            }
            return n;
        }

        RowSource source(long r) {
            return map.at(r);
        }
    }

    private final HfCheckpoint ckpt;
    private final HfConfig config;
    private final String arch;
    private final int layers;
    private final int heads;
    private final int kvHeads;
    private final int embedding;

    private HfArchitecture(HfCheckpoint ckpt, HfConfig config, String arch) throws ModelFormatException {
        this.ckpt = ckpt;
        this.config = config;
        this.arch = arch;
        this.layers = config.getInt("num_hidden_layers");
        this.heads = config.getInt("num_attention_heads");
        this.kvHeads = config.getInt("num_key_value_heads", heads);
        this.embedding = config.getInt("hidden_size");
    }

    @SuppressWarnings("unchecked")
    static HfArchitecture of(HfCheckpoint ckpt) throws ModelFormatException {
        HfConfig config = new HfConfig(ckpt.dir().resolve("config.json").toString(), ckpt.config());
        Object archs = ckpt.config().get("architectures");
        String name = archs instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.getFirst()) : "";
        String arch = switch (name) {
            case "DeepseekV3ForCausalLM", "DeepseekV2ForCausalLM" -> "deepseek2";
            case "Qwen2ForCausalLM" -> "qwen2";
            case "LlamaForCausalLM" -> "llama";
            default -> throw new ModelFormatException(config.getString("architectures", "?") + " in "
                    + ckpt.dir().resolve("config.json") + " is not supported; supported: DeepseekV3ForCausalLM, "
                    + "DeepseekV2ForCausalLM, Qwen2ForCausalLM, LlamaForCausalLM");
        };
        return new HfArchitecture(ckpt, config, arch);
    }

    /**
     * Checkpoint tensors GGUF does not hold: cached rope frequencies, and multi-token-prediction
     * layers (numbered from num_hidden_layers on), which llama.cpp's converter leaves out too.
     */
    boolean ignores(String name) {
        return name.endsWith("rotary_emb.inv_freq") || (name.startsWith("model.layers.") && layerOf(name) >= layers);
    }

    int vocabularySize() throws ModelFormatException {
        return config.getInt("vocab_size");
    }

    void metadata(GgufWriter w) throws ModelFormatException {
        w.putString(MetadataKey.GENERAL_ARCHITECTURE.key(), arch);
        w.putString(MetadataKey.GENERAL_NAME.key(), ckpt.dir().getFileName().toString());
        shape().putHyperParameters(w);
    }

    /** The checkpoint's hyper-parameters, read from config.json with Hugging Face's key names. */
    private ModelShape shape() throws ModelFormatException {
        String name = ckpt.dir().getFileName().toString();
        ModelShape.Sizes sizes = new ModelShape.Sizes(vocabularySize(), embedding, layers, heads, kvHeads,
                config.getInt("intermediate_size"), config.getInt("max_position_embeddings"),
                (float) config.getDouble("rope_theta", 10_000), (float) config.getDouble("rms_norm_eps"), false);
        if (!arch.equals("deepseek2")) {
            if (config.object("rope_scaling") != null) {
                throw unsupportedRopeScaling(config.object("rope_scaling"));
            }
            return ModelShape.dense(name, arch, "", "", sizes);
        }
        ModelShape.LatentAttention latent = new ModelShape.LatentAttention(config.getInt("q_lora_rank", 0),
                config.getInt("kv_lora_rank"), config.getInt("qk_nope_head_dim"), config.getInt("qk_rope_head_dim"),
                config.getInt("v_head_dim"));
        ModelShape.Experts experts = new ModelShape.Experts(config.getInt("first_k_dense_replace", 0),
                config.getInt("n_routed_experts"), config.getInt("num_experts_per_tok"),
                config.getInt("n_shared_experts"), config.getInt("moe_intermediate_size"),
                (float) config.getDouble("routed_scaling_factor", 1), config.getBoolean("norm_topk_prob", false),
                config.getString("scoring_func", "softmax").equals("sigmoid") ? 2 : 1,
                config.getInt("n_group", 1), config.getInt("topk_group", 1));
        return ModelShape.latentMixtureOfExperts(name, "", "", sizes, latent, experts, yarn());
    }

    /** DeepSeek's YaRN rope scaling, or null when the config has none. */
    private ModelShape.Yarn yarn() throws ModelFormatException {
        HfConfig scaling = config.object("rope_scaling");
        if (scaling == null) {
            return null;
        }
        if (!scaling.getString("type", scaling.getString("rope_type", "")).equals("yarn")) {
            throw unsupportedRopeScaling(scaling);
        }
        return new ModelShape.Yarn((float) scaling.getDouble("factor"),
                scaling.getInt("original_max_position_embeddings"),
                (float) (0.1 * scaling.getDouble("mscale_all_dim", 0)));
    }

    private ModelFormatException unsupportedRopeScaling(HfConfig scaling) throws ModelFormatException {
        return new ModelFormatException(ckpt.dir().resolve("config.json") + ": rope_scaling "
                + scaling.getString("type", scaling.getString("rope_type", "?")) + " is not supported for "
                + arch + " (only yarn for DeepSeek)");
    }

    List<TensorPlan> tensors() throws ModelFormatException {
        List<TensorPlan> plans = new ArrayList<>();
        plans.add(renamed(TOKEN_EMBD.weight(), "model.embed_tokens.weight", false));
        for (int l = 0; l < layers; l++) {
            String hf = "model.layers." + l + ".";
            plans.add(renamed(ATTN_NORM.weight(l), hf + "input_layernorm.weight", true));
            plans.add(renamed(FFN_NORM.weight(l), hf + "post_attention_layernorm.weight", true));
            plans.add(renamed(ATTN_OUTPUT.weight(l), hf + "self_attn.o_proj.weight", false));
            if (arch.equals("deepseek2")) {
                latentAttention(plans, hf, l);
            } else {
                denseAttention(plans, hf, l);
            }
            if (ckpt.has(hf + "mlp.gate.weight")) {
                experts(plans, hf, l);
            } else {
                plans.add(renamed(FFN_GATE.weight(l), hf + "mlp.gate_proj.weight", false));
                plans.add(renamed(FFN_UP.weight(l), hf + "mlp.up_proj.weight", false));
                plans.add(renamed(FFN_DOWN.weight(l), hf + "mlp.down_proj.weight", false));
            }
        }
        plans.add(renamed(OUTPUT_NORM.weight(), "model.norm.weight", true));
        if (ckpt.has("lm_head.weight") && !config.getBoolean("tie_word_embeddings", false)) {
            plans.add(renamed(OUTPUT.weight(), "lm_head.weight", false));
        }
        return plans;
    }

    private static int layerOf(String name) {
        String rest = name.substring("model.layers.".length());
        int dot = rest.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void denseAttention(List<TensorPlan> plans, String hf, int l) throws ModelFormatException {
        boolean permute = arch.equals("llama");
        plans.add(projection(ATTN_Q.weight(l), hf + "self_attn.q_proj.weight", permute ? heads : 0));
        plans.add(projection(ATTN_K.weight(l), hf + "self_attn.k_proj.weight", permute ? kvHeads : 0));
        plans.add(renamed(ATTN_V.weight(l), hf + "self_attn.v_proj.weight", false));
        optionalBias(plans, ATTN_Q.bias(l), hf + "self_attn.q_proj.bias");
        optionalBias(plans, ATTN_K.bias(l), hf + "self_attn.k_proj.bias");
        optionalBias(plans, ATTN_V.bias(l), hf + "self_attn.v_proj.bias");
    }

    /** Qwen2's query, key and value biases; llama has none. */
    private void optionalBias(List<TensorPlan> plans, String gguf, String hf) throws ModelFormatException {
        if (ckpt.has(hf)) {
            plans.add(renamed(gguf, hf, true));
        }
    }

    private void latentAttention(List<TensorPlan> plans, String hf, int l) throws ModelFormatException {
        String at = hf + "self_attn.";
        if (ckpt.has(at + "q_a_proj.weight")) {
            plans.add(renamed(ATTN_Q_A.weight(l), at + "q_a_proj.weight", false));
            plans.add(renamed(ATTN_Q_A_NORM.weight(l), at + "q_a_layernorm.weight", true));
            plans.add(renamed(ATTN_Q_B.weight(l), at + "q_b_proj.weight", false));
        } else {
            plans.add(renamed(ATTN_Q.weight(l), at + "q_proj.weight", false));
        }
        plans.add(renamed(ATTN_KV_A_MQA.weight(l), at + "kv_a_proj_with_mqa.weight", false));
        plans.add(renamed(ATTN_KV_A_NORM.weight(l), at + "kv_a_layernorm.weight", true));
        plans.add(renamed(ATTN_KV_B.weight(l), at + "kv_b_proj.weight", false));
    }

    private void experts(List<TensorPlan> plans, String hf, int l) throws ModelFormatException {
        int n = config.getInt("n_routed_experts");
        plans.add(renamed(FFN_GATE_INP.weight(l), hf + "mlp.gate.weight", true));
        if (ckpt.has(hf + "mlp.gate.e_score_correction_bias")) {
            plans.add(renamed(FFN_EXP_PROBS_B.bias(l), hf + "mlp.gate.e_score_correction_bias", true));
        }
        expertProjection(plans, hf, "gate", FFN_GATE_EXPS.weight(l), FFN_GATE_SHEXP.weight(l), n);
        expertProjection(plans, hf, "up", FFN_UP_EXPS.weight(l), FFN_UP_SHEXP.weight(l), n);
        expertProjection(plans, hf, "down", FFN_DOWN_EXPS.weight(l), FFN_DOWN_SHEXP.weight(l), n);
    }

    /** The {@code n} routed experts' {@code p} projections stacked into one tensor, and the shared experts' one. */
    private void expertProjection(List<TensorPlan> plans, String hf, String p, String routed, String shared, int n)
            throws ModelFormatException {
        List<String> sources = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            sources.add(hf + "mlp.experts." + e + "." + p + "_proj.weight");
        }
        long[] one = ckpt.shape(sources.getFirst());
        for (String s : sources) {
            if (!java.util.Arrays.equals(ckpt.shape(s), one)) {
                throw new ModelFormatException(ckpt.dir() + ": expert tensor '" + s + "' differs in shape from '"
                        + sources.getFirst() + "'");
            }
        }
        long rowsPerExpert = one[0];
        plans.add(new TensorPlan(routed, new long[] {one[1], one[0], n}, false, sources,
                r -> new RowSource(sources.get((int) (r / rowsPerExpert)), r % rowsPerExpert)));
        plans.add(renamed(shared, hf + "mlp.shared_experts." + p + "_proj.weight", false));
    }

    /** A tensor copied under a new name; GGUF lists dimensions innermost first. */
    private TensorPlan renamed(String gguf, String hf, boolean keepF32) throws ModelFormatException {
        long[] shape = ckpt.shape(hf);
        long[] ne = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            ne[i] = shape[shape.length - 1 - i];
        }
        return new TensorPlan(gguf, ne, keepF32, List.of(hf), r -> new RowSource(hf, r));
    }

    /**
     * A query or key projection. Hugging Face's llama rotates the two halves of each head (neox
     * style); GGUF's llama rotates adjacent pairs, so each head's rows are interleaved: GGUF row
     * {@code 2j + t} of a head is checkpoint row {@code t * half + j}.
     */
    private TensorPlan projection(String gguf, String hf, int permuteHeads) throws ModelFormatException {
        TensorPlan plain = renamed(gguf, hf, false);
        if (permuteHeads == 0) {
            return plain;
        }
        long headDim = plain.ggufShape()[1] / permuteHeads;
        long half = headDim / 2;
        return new TensorPlan(gguf, plain.ggufShape(), false, plain.sources(), r -> {
            long h = r / headDim;
            long inHead = r % headDim;
            return new RowSource(hf, h * headDim + (inHead % 2) * half + inHead / 2);
        });
    }
}
