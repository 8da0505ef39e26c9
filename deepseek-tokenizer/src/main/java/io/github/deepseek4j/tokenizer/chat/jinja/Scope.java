package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.HashMap;
import java.util.Map;

/** Variables of one frame (template top level, loop body, macro call) chained to the enclosing frame. */
final class Scope {

    private final Scope parent;
    private final Map<String, Object> variables = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Object lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.variables.containsKey(name)) {
                return s.variables.get(name);
            }
        }
        return Undefined.variable(name);
    }

    void set(String name, Object value) {
        variables.put(name, value);
    }
}
