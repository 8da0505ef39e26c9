package io.github.deepseek4j.gguf;

import io.github.deepseek4j.ModelFormatException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key-value metadata of a GGUF file, in file order, with typed accessors.
 *
 * <p>A typed getter without a default throws {@link ModelFormatException} naming the file and key
 * when the key is missing; every getter throws it when the stored type cannot be read as asked
 * (an integer getter accepts any integer width, a float getter any number).
 */
public final class GgufMetadata {

    private final String source;
    private final Map<String, GgufValue> entries;

    GgufMetadata(String source, Map<String, GgufValue> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Keys in file order. */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** All entries in file order (unmodifiable). */
    public Map<String, GgufValue> asMap() {
        return entries;
    }

    public boolean contains(String key) {
        return entries.containsKey(key);
    }

    public Optional<GgufValue> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public int size() {
        return entries.size();
    }

    public String getString(String key) throws ModelFormatException {
        return (String) require(key, GgufValueType.STRING);
    }

    public String getString(String key, String defaultValue) throws ModelFormatException {
        return contains(key) ? getString(key) : defaultValue;
    }

    public long getLong(String key) throws ModelFormatException {
        GgufValue v = requireEntry(key);
        if (!GgufValue.isInteger(v.type())) {
            throw wrongType(key, v, "an integer");
        }
        return (Long) v.value();
    }

    public long getLong(String key, long defaultValue) throws ModelFormatException {
        return contains(key) ? getLong(key) : defaultValue;
    }

    /** An integer that must fit a Java int (checked, so a hostile value cannot wrap around). */
    public int getInt(String key) throws ModelFormatException {
        long v = getLong(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ModelFormatException(source + ": metadata key '" + key + "' = " + v + " is out of int range");
        }
        return (int) v;
    }

    public int getInt(String key, int defaultValue) throws ModelFormatException {
        return contains(key) ? getInt(key) : defaultValue;
    }

    public double getDouble(String key) throws ModelFormatException {
        GgufValue v = requireEntry(key);
        return switch (v.value()) {
            case Float f -> f;
            case Double d -> d;
            case Long l -> l;
            default -> throw wrongType(key, v, "a number");
        };
    }

    public double getDouble(String key, double defaultValue) throws ModelFormatException {
        return contains(key) ? getDouble(key) : defaultValue;
    }

    public float getFloat(String key) throws ModelFormatException {
        return (float) getDouble(key);
    }

    public float getFloat(String key, float defaultValue) throws ModelFormatException {
        return contains(key) ? getFloat(key) : defaultValue;
    }

    public boolean getBoolean(String key) throws ModelFormatException {
        return (Boolean) require(key, GgufValueType.BOOL);
    }

    public boolean getBoolean(String key, boolean defaultValue) throws ModelFormatException {
        return contains(key) ? getBoolean(key) : defaultValue;
    }

    public GgufArray getArray(String key) throws ModelFormatException {
        return (GgufArray) require(key, GgufValueType.ARRAY);
    }

    public Optional<GgufArray> findArray(String key) throws ModelFormatException {
        return contains(key) ? Optional.of(getArray(key)) : Optional.empty();
    }

    public String[] getStringArray(String key) throws ModelFormatException {
        return typedArray(key, GgufValueType.STRING).strings();
    }

    public float[] getFloatArray(String key) throws ModelFormatException {
        GgufArray a = getArray(key);
        if (a.raw() instanceof float[] f) {
            return f.clone();
        }
        if (a.raw() instanceof double[] d) {
            float[] out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = (float) d[i];
            }
            return out;
        }
        throw new ModelFormatException(source + ": metadata key '" + key + "' is an array of "
                + a.elementType() + ", expected an array of numbers");
    }

    /** An integer array whose elements must fit a Java int. */
    public int[] getIntArray(String key) throws ModelFormatException {
        GgufArray a = getArray(key);
        if (!(a.raw() instanceof long[] longs)) {
            throw new ModelFormatException(source + ": metadata key '" + key + "' is an array of "
                    + a.elementType() + ", expected an array of integers");
        }
        int[] out = new int[longs.length];
        for (int i = 0; i < longs.length; i++) {
            if (longs[i] < Integer.MIN_VALUE || longs[i] > Integer.MAX_VALUE) {
                throw new ModelFormatException(source + ": metadata key '" + key + "' element " + i
                        + " = " + longs[i] + " is out of int range");
            }
            out[i] = (int) longs[i];
        }
        return out;
    }

    private GgufArray typedArray(String key, GgufValueType elementType) throws ModelFormatException {
        GgufArray a = getArray(key);
        if (a.elementType() != elementType) {
            throw new ModelFormatException(source + ": metadata key '" + key + "' is an array of "
                    + a.elementType() + ", expected an array of " + elementType);
        }
        return a;
    }

    private Object require(String key, GgufValueType type) throws ModelFormatException {
        GgufValue v = requireEntry(key);
        if (v.type() != type) {
            throw wrongType(key, v, type.name());
        }
        return v.value();
    }

    private GgufValue requireEntry(String key) throws ModelFormatException {
        GgufValue v = entries.get(key);
        if (v == null) {
            throw new ModelFormatException(source + ": required metadata key '" + key + "' is missing");
        }
        return v;
    }

    private ModelFormatException wrongType(String key, GgufValue v, String expected) {
        return new ModelFormatException(source + ": metadata key '" + key + "' holds " + v.type()
                + ", expected " + expected);
    }
}
