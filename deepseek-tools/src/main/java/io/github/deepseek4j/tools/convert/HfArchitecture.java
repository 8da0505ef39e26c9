package io.github.deepseek4j.tools.convert;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.tools.ModelShape;

import java.util.ArrayList;
import java.util.List;

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
        w.putString("general.architecture", arch);
        w.putString("general.name", ckpt.dir().getFileName().toString());
        shape().putHyperParameters(w);
    }

    /** The checkpoint's hyper-parameters, read from config.json with Hugging Face's key names. */
    private ModelShape shape() throws ModelFormatException {
        boolean moe = arch.equals("deepseek2");
        float yarnFactor = 0;
        int yarnContext = 0;
        float yarnLogMultiplier = 0;
        HfConfig scaling = config.object("rope_scaling");
        if (scaling != null) {
            if (!moe || !scaling.getString("type", scaling.getString("rope_type", "")).equals("yarn")) {
                throw new ModelFormatException(ckpt.dir().resolve("config.json") + ": rope_scaling "
                        + scaling.getString("type", scaling.getString("rope_type", "?")) + " is not supported for "
                        + arch + " (only yarn for DeepSeek)");
            }
            yarnFactor = (float) scaling.getDouble("factor");
            yarnContext = scaling.getInt("original_max_position_embeddings");
            yarnLogMultiplier = (float) (0.1 * scaling.getDouble("mscale_all_dim", 0));
        }
        int nope = moe ? config.getInt("qk_nope_head_dim") : 0;
        return new ModelShape(ckpt.dir().getFileName().toString(), arch, "", "", vocabularySize(), embedding, layers,
                heads, kvHeads, config.getInt("intermediate_size"), config.getInt("max_position_embeddings"),
                (float) config.getDouble("rope_theta", 10_000), (float) config.getDouble("rms_norm_eps"), false,
                moe ? config.getInt("q_lora_rank", 0) : 0, moe ? config.getInt("kv_lora_rank") : 0, nope,
                moe ? config.getInt("qk_rope_head_dim") : 0, moe ? config.getInt("v_head_dim") : 0,
                moe ? config.getInt("first_k_dense_replace", 0) : 0, moe ? config.getInt("n_routed_experts") : 0,
                moe ? config.getInt("num_experts_per_tok") : 0, moe ? config.getInt("n_shared_experts") : 0,
                moe ? config.getInt("moe_intermediate_size") : 0, (float) config.getDouble("routed_scaling_factor", 1),
                config.getBoolean("norm_topk_prob", false),
                config.getString("scoring_func", "softmax").equals("sigmoid") ? 2 : 1,
                config.getInt("n_group", 1), config.getInt("topk_group", 1), yarnFactor, yarnContext, yarnLogMultiplier);
    }

    List<TensorPlan> tensors() throws ModelFormatException {
        List<TensorPlan> plans = new ArrayList<>();
        plans.add(renamed("token_embd.weight", "model.embed_tokens.weight", false));
        for (int l = 0; l < layers; l++) {
            String hf = "model.layers." + l + ".";
            String gg = "blk." + l + ".";
            plans.add(renamed(gg + "attn_norm.weight", hf + "input_layernorm.weight", true));
            plans.add(renamed(gg + "ffn_norm.weight", hf + "post_attention_layernorm.weight", true));
            plans.add(renamed(gg + "attn_output.weight", hf + "self_attn.o_proj.weight", false));
            if (arch.equals("deepseek2")) {
                latentAttention(plans, hf, gg);
            } else {
                denseAttention(plans, hf, gg);
            }
            if (ckpt.has(hf + "mlp.gate.weight")) {
                experts(plans, hf, gg);
            } else {
                for (String p : new String[] {"gate", "up", "down"}) {
                    plans.add(renamed(gg + "ffn_" + p + ".weight", hf + "mlp." + p + "_proj.weight", false));
                }
            }
        }
        plans.add(renamed("output_norm.weight", "model.norm.weight", true));
        if (ckpt.has("lm_head.weight") && !config.getBoolean("tie_word_embeddings", false)) {
            plans.add(renamed("output.weight", "lm_head.weight", false));
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

    private void denseAttention(List<TensorPlan> plans, String hf, String gg) throws ModelFormatException {
        boolean permute = arch.equals("llama");
        plans.add(projection(gg + "attn_q.weight", hf + "self_attn.q_proj.weight", permute ? heads : 0));
        plans.add(projection(gg + "attn_k.weight", hf + "self_attn.k_proj.weight", permute ? kvHeads : 0));
        plans.add(renamed(gg + "attn_v.weight", hf + "self_attn.v_proj.weight", false));
        for (String p : new String[] {"q", "k", "v"}) {
            String bias = hf + "self_attn." + p + "_proj.bias";
            if (ckpt.has(bias)) {
                plans.add(renamed(gg + "attn_" + p + ".bias", bias, true));
            }
        }
    }

    private void latentAttention(List<TensorPlan> plans, String hf, String gg) throws ModelFormatException {
        String at = hf + "self_attn.";
        if (ckpt.has(at + "q_a_proj.weight")) {
            plans.add(renamed(gg + "attn_q_a.weight", at + "q_a_proj.weight", false));
            plans.add(renamed(gg + "attn_q_a_norm.weight", at + "q_a_layernorm.weight", true));
            plans.add(renamed(gg + "attn_q_b.weight", at + "q_b_proj.weight", false));
        } else {
            plans.add(renamed(gg + "attn_q.weight", at + "q_proj.weight", false));
        }
        plans.add(renamed(gg + "attn_kv_a_mqa.weight", at + "kv_a_proj_with_mqa.weight", false));
        plans.add(renamed(gg + "attn_kv_a_norm.weight", at + "kv_a_layernorm.weight", true));
        plans.add(renamed(gg + "attn_kv_b.weight", at + "kv_b_proj.weight", false));
    }

    private void experts(List<TensorPlan> plans, String hf, String gg) throws ModelFormatException {
        int n = config.getInt("n_routed_experts");
        plans.add(renamed(gg + "ffn_gate_inp.weight", hf + "mlp.gate.weight", true));
        if (ckpt.has(hf + "mlp.gate.e_score_correction_bias")) {
            plans.add(renamed(gg + "exp_probs_b.bias", hf + "mlp.gate.e_score_correction_bias", true));
        }
        for (String p : new String[] {"gate", "up", "down"}) {
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
            plans.add(new TensorPlan(gg + "ffn_" + p + "_exps.weight", new long[] {one[1], one[0], n}, false, sources,
                    r -> new RowSource(sources.get((int) (r / rowsPerExpert)), r % rowsPerExpert)));
            plans.add(renamed(gg + "ffn_" + p + "_shexp.weight", hf + "mlp.shared_experts." + p + "_proj.weight", false));
        }
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
