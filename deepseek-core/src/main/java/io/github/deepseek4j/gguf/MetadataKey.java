package io.github.deepseek4j.gguf;

/**
 * The GGUF metadata keys this library reads and writes, in one table (as llama.cpp's {@code LLM_KV}): the
 * hyper-parameter readers, the synthetic-model writer, the converter, the quantizer and the command line all
 * name keys through it. Architecture keys are stored as {@code <architecture>.<suffix>}, e.g.
 * {@code deepseek2.attention.kv_lora_rank}; the others ({@code general.*}) as they are.
 */
public enum MetadataKey {
    GENERAL_ARCHITECTURE("general.architecture", false),
    GENERAL_NAME("general.name", false),
    GENERAL_FILE_TYPE("general.file_type", false),
    GENERAL_QUANTIZATION_VERSION("general.quantization_version", false),
    GENERAL_ALIGNMENT("general.alignment", false),

    // the tokenizer (llama.cpp spells "seperator" so)
    TOKENIZER_MODEL("tokenizer.ggml.model", false),
    TOKENIZER_PRE("tokenizer.ggml.pre", false),
    TOKENIZER_TOKENS("tokenizer.ggml.tokens", false),
    TOKENIZER_TOKEN_TYPE("tokenizer.ggml.token_type", false),
    TOKENIZER_MERGES("tokenizer.ggml.merges", false),
    TOKENIZER_SCORES("tokenizer.ggml.scores", false),
    TOKENIZER_ADD_BOS("tokenizer.ggml.add_bos_token", false),
    TOKENIZER_ADD_EOS("tokenizer.ggml.add_eos_token", false),
    TOKENIZER_ADD_SPACE_PREFIX("tokenizer.ggml.add_space_prefix", false),
    TOKENIZER_BOS_ID("tokenizer.ggml.bos_token_id", false),
    TOKENIZER_EOS_ID("tokenizer.ggml.eos_token_id", false),
    TOKENIZER_EOT_ID("tokenizer.ggml.eot_token_id", false),
    TOKENIZER_EOM_ID("tokenizer.ggml.eom_token_id", false),
    TOKENIZER_UNKNOWN_ID("tokenizer.ggml.unknown_token_id", false),
    TOKENIZER_PADDING_ID("tokenizer.ggml.padding_token_id", false),
    TOKENIZER_CLS_ID("tokenizer.ggml.cls_token_id", false),
    TOKENIZER_SEPARATOR_ID("tokenizer.ggml.seperator_token_id", false),
    TOKENIZER_CHAT_TEMPLATE("tokenizer.chat_template", false),

    CONTEXT_LENGTH("context_length", true),
    EMBEDDING_LENGTH("embedding_length", true),
    BLOCK_COUNT("block_count", true),
    FEED_FORWARD_LENGTH("feed_forward_length", true),
    VOCAB_SIZE("vocab_size", true),
    ATTENTION_HEAD_COUNT("attention.head_count", true),
    ATTENTION_HEAD_COUNT_KV("attention.head_count_kv", true),
    ATTENTION_KEY_LENGTH("attention.key_length", true),
    ATTENTION_VALUE_LENGTH("attention.value_length", true),
    ATTENTION_LAYER_NORM_RMS_EPSILON("attention.layer_norm_rms_epsilon", true),
    ROPE_DIMENSION_COUNT("rope.dimension_count", true),
    ROPE_FREQ_BASE("rope.freq_base", true),
    ROPE_SCALING_TYPE("rope.scaling.type", true),
    ROPE_SCALING_FACTOR("rope.scaling.factor", true),
    ROPE_SCALING_ORIGINAL_CONTEXT_LENGTH("rope.scaling.original_context_length", true),
    ROPE_SCALING_ATTN_FACTOR("rope.scaling.attn_factor", true),
    /** Older files state linear scaling as a bare factor. */
    ROPE_SCALE_LINEAR("rope.scale_linear", true),
    ROPE_SCALING_YARN_LOG_MULTIPLIER("rope.scaling.yarn_log_multiplier", true),

    // mixture of experts
    EXPERT_COUNT("expert_count", true),
    EXPERT_USED_COUNT("expert_used_count", true),
    EXPERT_SHARED_COUNT("expert_shared_count", true),
    EXPERT_FEED_FORWARD_LENGTH("expert_feed_forward_length", true),
    EXPERT_WEIGHTS_SCALE("expert_weights_scale", true),
    EXPERT_WEIGHTS_NORM("expert_weights_norm", true),
    EXPERT_GATING_FUNC("expert_gating_func", true),
    EXPERT_GROUP_COUNT("expert_group_count", true),
    EXPERT_GROUP_USED_COUNT("expert_group_used_count", true),
    LEADING_DENSE_BLOCK_COUNT("leading_dense_block_count", true),

    // multi-head latent attention (DeepSeek-V2/V3)
    ATTENTION_Q_LORA_RANK("attention.q_lora_rank", true),
    ATTENTION_KV_LORA_RANK("attention.kv_lora_rank", true),
    /** Per-head key size of the {@code attn_k_b}/{@code attn_v_b} layout; its presence marks that layout. */
    ATTENTION_KEY_LENGTH_MLA("attention.key_length_mla", true),
    ATTENTION_VALUE_LENGTH_MLA("attention.value_length_mla", true),
    /** Trailing multi-token-prediction blocks, counted in {@link #BLOCK_COUNT} but not run. */
    NEXTN_PREDICT_LAYERS("nextn_predict_layers", true);

    private final String name;
    private final boolean perArchitecture;

    MetadataKey(String name, boolean perArchitecture) {
        this.name = name;
        this.perArchitecture = perArchitecture;
    }

    /** The key of a {@code general.*} entry. */
    public String key() {
        if (perArchitecture) {
            throw new IllegalStateException(this + " is stored per architecture: name the architecture");
        }
        return name;
    }

    /** The key as {@code architecture} stores it, e.g. {@code qwen2.context_length}. */
    public String key(String architecture) {
        return perArchitecture ? architecture + "." + name : name;
    }
}
