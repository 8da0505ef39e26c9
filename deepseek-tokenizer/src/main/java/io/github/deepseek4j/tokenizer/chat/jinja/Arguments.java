package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluated call arguments, fetched Python-style by position or keyword with defaults. */
record Arguments(String function, List<Object> positional, Map<String, Object> keyword) {

    static final Object REQUIRED = new Object();

    /** Fails unless the call passes at most {@code names.length} values, each known and given once. */
    Arguments accept(String... names) {
        if (positional.size() > names.length) {
            throw new TemplateRuntimeException("TypeError: " + function + "() takes at most " + names.length
                    + " arguments (" + positional.size() + " given)");
        }
        Set<String> known = Set.of(names);
        for (String k : keyword.keySet()) {
            if (!known.contains(k)) {
                throw new TemplateRuntimeException("TypeError: " + function + "() got an unexpected keyword argument '" + k + "'");
            }
        }
        return this;
    }

    /** Argument {@code index} (or keyword {@code name}), else {@code fallback}; {@link #REQUIRED} makes it mandatory. */
    Object get(int index, String name, Object fallback) {
        if (index < positional.size()) {
            if (keyword.containsKey(name)) {
                throw new TemplateRuntimeException("TypeError: " + function + "() got multiple values for argument '" + name + "'");
            }
            return positional.get(index);
        }
        if (keyword.containsKey(name)) {
            return keyword.get(name);
        }
        if (fallback == REQUIRED) {
            throw new TemplateRuntimeException("TypeError: " + function + "() missing required argument '" + name + "'");
        }
        return fallback;
    }

    String string(int index, String name, String fallback) {
        Object v = get(index, name, fallback);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new TemplateRuntimeException("TypeError: " + function + "() argument '" + name + "' must be str, not "
                + Values.typeName(v));
    }

    long integer(int index, String name, long fallback) {
        return Values.toLong(get(index, name, fallback), function + "() argument '" + name + "'");
    }

    boolean bool(int index, String name, boolean fallback) {
        return Values.truthy(get(index, name, fallback));
    }
}
