package io.github.deepseek4j.tools.convert;

import io.github.deepseek4j.ModelFormatException;

import java.util.Map;

/** Typed reads of a {@code config.json}, with errors that name the file and key. */
final class HfConfig {

    private final String source;
    private final Map<String, Object> values;

    HfConfig(String source, Map<String, Object> values) {
        this.source = source;
        this.values = values;
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    int getInt(String key) throws ModelFormatException {
        Object v = require(key);
        if (!(v instanceof Long l) || l < 0 || l > Integer.MAX_VALUE) {
            throw new ModelFormatException(source + ": '" + key + "' = " + v + " is not a non-negative integer");
        }
        return (int) (long) l;
    }

    int getInt(String key, int defaultValue) throws ModelFormatException {
        return has(key) ? getInt(key) : defaultValue;
    }

    double getDouble(String key) throws ModelFormatException {
        Object v = require(key);
        if (!(v instanceof Number n)) {
            throw new ModelFormatException(source + ": '" + key + "' = " + v + " is not a number");
        }
        return n.doubleValue();
    }

    double getDouble(String key, double defaultValue) throws ModelFormatException {
        return has(key) ? getDouble(key) : defaultValue;
    }

    boolean getBoolean(String key, boolean defaultValue) throws ModelFormatException {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Boolean b)) {
            throw new ModelFormatException(source + ": '" + key + "' = " + v + " is not true or false");
        }
        return b;
    }

    String getString(String key, String defaultValue) {
        Object v = values.get(key);
        return v == null ? defaultValue : v.toString();
    }

    /** A nested object such as {@code rope_scaling}, or null when absent. */
    @SuppressWarnings("unchecked")
    HfConfig object(String key) throws ModelFormatException {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?>)) {
            throw new ModelFormatException(source + ": '" + key + "' is not an object");
        }
        return new HfConfig(source + " " + key, (Map<String, Object>) v);
    }

    private Object require(String key) throws ModelFormatException {
        Object v = values.get(key);
        if (v == null) {
            throw new ModelFormatException(source + ": required key '" + key + "' is missing");
        }
        return v;
    }
}
