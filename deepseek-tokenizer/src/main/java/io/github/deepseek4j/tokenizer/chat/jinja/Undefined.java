package io.github.deepseek4j.tokenizer.chat.jinja;

/**
 * jinja2's default {@code Undefined}: a missing variable, key or attribute. It renders as the empty
 * string, is false, iterates as empty and has length 0; any other use fails with {@link #hint}.
 */
record Undefined(String hint) {

    TemplateRuntimeException error() {
        return new TemplateRuntimeException("UndefinedError: " + hint);
    }

    static Undefined variable(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    static Undefined attribute(Object owner, Object name) {
        return new Undefined("'" + Values.typeName(owner) + " object' has no attribute '" + name + "'");
    }
}
