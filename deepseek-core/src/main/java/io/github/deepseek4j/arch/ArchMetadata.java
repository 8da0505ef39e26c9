package io.github.deepseek4j.arch;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufMetadata;
import io.github.deepseek4j.gguf.MetadataKey;
import io.github.deepseek4j.gguf.TensorName;

/**
 * The {@code <arch>.<key>} metadata of a model, read with checks: sizes must be positive, and every error
 * names the file and the full key. Keys come from the {@link MetadataKey} table.
 */
public final class ArchMetadata {

    /** llama.cpp's default rope base when the key is absent. */
    public static final double DEFAULT_ROPE_FREQ_BASE = 10000.0;

    private final GgufFile file;
    private final GgufMetadata metadata;
    private final String architecture;

    public ArchMetadata(GgufFile file) throws ModelFormatException {
        this.file = file;
        this.metadata = file.metadata();
        this.architecture = metadata.getString(MetadataKey.GENERAL_ARCHITECTURE.key());
    }

    public String architecture() {
        return architecture;
    }

    /** The full key as this model stores it: {@code <arch>.<suffix>} for architecture keys. */
    public String key(MetadataKey key) {
        return key.key(architecture);
    }

    public boolean contains(MetadataKey key) {
        return metadata.contains(key(key));
    }

    /** A required size: must be present and positive. */
    public int size(MetadataKey key) throws ModelFormatException {
        return checkPositive(key, metadata.getInt(key(key)));
    }

    /** An optional size: positive when present. */
    public int size(MetadataKey key, int defaultValue) throws ModelFormatException {
        return contains(key) ? size(key) : defaultValue;
    }

    /** An optional count that may be zero. */
    public int count(MetadataKey key, int defaultValue) throws ModelFormatException {
        int v = metadata.getInt(key(key), defaultValue);
        if (v < 0) {
            throw invalid(key, v, "a count >= 0");
        }
        return v;
    }

    public double number(MetadataKey key, double defaultValue) throws ModelFormatException {
        double v = metadata.getDouble(key(key), defaultValue);
        if (!Double.isFinite(v)) {
            throw invalid(key, v, "a finite number");
        }
        return v;
    }

    /** A required number that must be finite and positive (epsilons, scales). */
    public double positiveNumber(MetadataKey key) throws ModelFormatException {
        double v = metadata.getDouble(key(key));
        if (!(v > 0) || !Double.isFinite(v)) {
            throw invalid(key, v, "a positive number");
        }
        return v;
    }

    public boolean flag(MetadataKey key, boolean defaultValue) throws ModelFormatException {
        return metadata.getBoolean(key(key), defaultValue);
    }

    public String string(MetadataKey key, String defaultValue) throws ModelFormatException {
        return metadata.getString(key(key), defaultValue);
    }

    /**
     * The vocabulary size: the rows of {@code token_embd.weight}, which must agree with {@code <arch>.vocab_size}
     * when the file states it.
     */
    public int vocabulary() throws ModelFormatException {
        String embeddings = TensorName.TOKEN_EMBD.weight();
        long rows = file.tensor(embeddings).dim(1);
        if (rows <= 0 || rows > Integer.MAX_VALUE) {
            throw new ModelFormatException(file.path() + ": tensor '" + embeddings + "' has " + rows
                    + " rows, expected a positive vocabulary size");
        }
        int declared = size(MetadataKey.VOCAB_SIZE, (int) rows);
        if (declared != rows) {
            throw invalid(MetadataKey.VOCAB_SIZE, declared, "the " + rows + " rows of " + embeddings);
        }
        return (int) rows;
    }

    private int checkPositive(MetadataKey key, int v) throws ModelFormatException {
        if (v <= 0) {
            throw invalid(key, v, "a positive size");
        }
        return v;
    }

    /** An error naming the file and full key, the value found and what was expected. */
    public ModelFormatException invalid(MetadataKey key, Object value, String expected) {
        return new ModelFormatException(file.path() + ": metadata key '" + key(key) + "' = " + value
                + ", expected " + expected);
    }
}
