package io.github.deepseek4j.tokenizer.chat.jinja;

/** One lexical token; {@code value} holds the decoded literal for strings and numbers. */
record Token(Kind kind, String text, Object value, int line) {

    enum Kind {
        DATA, VARIABLE_BEGIN, VARIABLE_END, BLOCK_BEGIN, BLOCK_END,
        NAME, STRING, INTEGER, FLOAT, OPERATOR, EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isOperator(String op) {
        return kind == Kind.OPERATOR && text.equals(op);
    }

    boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    String describe() {
        return switch (kind) {
            case EOF -> "end of template";
            case VARIABLE_END -> "'}}'";
            case BLOCK_END -> "'%}'";
            case DATA -> "template text";
            default -> "'" + text + "'";
        };
    }
}
