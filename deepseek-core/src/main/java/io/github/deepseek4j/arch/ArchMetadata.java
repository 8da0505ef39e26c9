package io.github.deepseek4j.arch;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufMetadata;

/**
 * The {@code <arch>.<key>} metadata of a model, read with checks: sizes must be positive, and every error
 * names the file and the full key. The constants repeat the GGUF key after the architecture prefix.
 */
public final class ArchMetadata {

    public static final String GENERAL_ARCHITECTURE = "general.architecture";
    /** The token embedding tensor, whose rows give the vocabulary size. */
    public static final String TOKEN_EMBD = "token_embd.weight";

    public static final String CONTEXT_LENGTH = "context_length";
    public static final String EMBEDDING_LENGTH = "embedding_length";
    public static final String BLOCK_COUNT = "block_count";
    public static final String FEED_FORWARD_LENGTH = "feed_forward_length";
    public static final String VOCAB_SIZE = "vocab_size";
    public static final String ATTENTION_HEAD_COUNT = "attention.head_count";
    public static final String ATTENTION_HEAD_COUNT_KV = "attention.head_count_kv";
    public static final String ATTENTION_KEY_LENGTH = "attention.key_length";
    public static final String ATTENTION_VALUE_LENGTH = "attention.value_length";
    public static final String ATTENTION_LAYER_NORM_RMS_EPSILON = "attention.layer_norm_rms_epsilon";
    public static final String ROPE_DIMENSION_COUNT = "rope.dimension_count";
    public static final String ROPE_FREQ_BASE = "rope.freq_base";

    public static final String ROPE_SCALING_TYPE = "rope.scaling.type";
    public static final String ROPE_SCALING_FACTOR = "rope.scaling.factor";
    public static final String ROPE_SCALING_ORIGINAL_CONTEXT_LENGTH = "rope.scaling.original_context_length";
    public static final String ROPE_SCALING_ATTN_FACTOR = "rope.scaling.attn_factor";
    /** Older files state linear scaling as a bare factor. */
    public static final String ROPE_SCALE_LINEAR = "rope.scale_linear";
    public static final String ROPE_SCALING_YARN_LOG_MULTIPLIER = "rope.scaling.yarn_log_multiplier";
    public static final String EXPERT_COUNT = "expert_count";
    public static final String EXPERT_USED_COUNT = "expert_used_count";
    public static final String EXPERT_SHARED_COUNT = "expert_shared_count";
    public static final String EXPERT_FEED_FORWARD_LENGTH = "expert_feed_forward_length";
    public static final String EXPERT_WEIGHTS_SCALE = "expert_weights_scale";
    public static final String EXPERT_WEIGHTS_NORM = "expert_weights_norm";
    public static final String EXPERT_GATING_FUNC = "expert_gating_func";
    public static final String EXPERT_GROUP_COUNT = "expert_group_count";
    public static final String EXPERT_GROUP_USED_COUNT = "expert_group_used_count";

    /** llama.cpp's default rope base when the key is absent. */
    public static final double DEFAULT_ROPE_FREQ_BASE = 10000.0;

    private final GgufFile file;
    private final GgufMetadata metadata;
    private final String architecture;

    public ArchMetadata(GgufFile file) throws ModelFormatException {
        this.file = file;
        this.metadata = file.metadata();
        this.architecture = metadata.getString(GENERAL_ARCHITECTURE);
    }

    public String architecture() {
        return architecture;
    }

    /** The full key: {@code <arch>.<suffix>}. */
    public String key(String suffix) {
        return architecture + "." + suffix;
    }

    public boolean contains(String suffix) {
        return metadata.contains(key(suffix));
    }

    /** A required size: must be present and positive. */
    public int size(String suffix) throws ModelFormatException {
        return checkPositive(suffix, metadata.getInt(key(suffix)));
    }

    /** An optional size: positive when present. */
    public int size(String suffix, int defaultValue) throws ModelFormatException {
        return contains(suffix) ? size(suffix) : defaultValue;
    }

    /** An optional count that may be zero. */
    public int count(String suffix, int defaultValue) throws ModelFormatException {
        int v = metadata.getInt(key(suffix), defaultValue);
        if (v < 0) {
            throw invalid(suffix, v, "a count >= 0");
        }
        return v;
    }

    public double number(String suffix, double defaultValue) throws ModelFormatException {
        double v = metadata.getDouble(key(suffix), defaultValue);
        if (!Double.isFinite(v)) {
            throw invalid(suffix, v, "a finite number");
        }
        return v;
    }

    /** A required number that must be finite and positive (epsilons, scales). */
    public double positiveNumber(String suffix) throws ModelFormatException {
        double v = metadata.getDouble(key(suffix));
        if (!(v > 0) || !Double.isFinite(v)) {
            throw invalid(suffix, v, "a positive number");
        }
        return v;
    }

    public boolean flag(String suffix, boolean defaultValue) throws ModelFormatException {
        return metadata.getBoolean(key(suffix), defaultValue);
    }

    public String string(String suffix, String defaultValue) throws ModelFormatException {
        return metadata.getString(key(suffix), defaultValue);
    }

    /**
     * The vocabulary size: the rows of {@code token_embd.weight}, which must agree with {@code <arch>.vocab_size}
     * when the file states it.
     */
    public int vocabulary() throws ModelFormatException {
        long rows = file.tensor(TOKEN_EMBD).dim(1);
        if (rows <= 0 || rows > Integer.MAX_VALUE) {
            throw new ModelFormatException(file.path() + ": tensor '" + TOKEN_EMBD + "' has " + rows
                    + " rows, expected a positive vocabulary size");
        }
        int declared = size(VOCAB_SIZE, (int) rows);
        if (declared != rows) {
            throw invalid(VOCAB_SIZE, declared, "the " + rows + " rows of " + TOKEN_EMBD);
        }
        return (int) rows;
    }

    private int checkPositive(String suffix, int v) throws ModelFormatException {
        if (v <= 0) {
            throw invalid(suffix, v, "a positive size");
        }
        return v;
    }

    /** An error naming the file and full key, the value found and what was expected. */
    public ModelFormatException invalid(String suffix, Object value, String expected) {
        return new ModelFormatException(file.path() + ": metadata key '" + key(suffix) + "' = " + value
                + ", expected " + expected);
    }
}
