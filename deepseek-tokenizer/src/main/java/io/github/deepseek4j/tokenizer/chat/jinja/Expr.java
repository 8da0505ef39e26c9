package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.List;
import java.util.Map;

/** Expression nodes of the template AST. */
sealed interface Expr {

    /** Positional and keyword arguments of a call, filter or test. */
    record Args(List<Expr> positional, Map<String, Expr> keyword) {
        static final Args NONE = new Args(List.of(), Map.of());
    }

    record Literal(Object value) implements Expr {
    }

    record Name(String name) implements Expr {
    }

    record ListLiteral(List<Expr> items) implements Expr {
    }

    /** A tuple; evaluated to an immutable list. */
    record TupleLiteral(List<Expr> items) implements Expr {
    }

    record DictLiteral(List<Expr> keys, List<Expr> values) implements Expr {
    }

    /** {@code target.name}. */
    record Attribute(Expr target, String name) implements Expr {
    }

    /** {@code target[key]}; the key may be a {@link Slice}. */
    record Item(Expr target, Expr key) implements Expr {
    }

    /** {@code start:stop:step} inside brackets; absent parts are null. */
    record Slice(Expr start, Expr stop, Expr step) implements Expr {
    }

    record Call(Expr callee, Args args) implements Expr {
    }

    record Filter(Expr target, String name, Args args) implements Expr {
    }

    record Test(Expr target, String name, Args args, boolean negated) implements Expr {
    }

    /** Unary {@code -} or {@code +}. */
    record Unary(String op, Expr operand) implements Expr {
    }

    record Not(Expr operand) implements Expr {
    }

    /** Arithmetic and concatenation: {@code + - * / // % ** ~}. */
    record Binary(String op, Expr left, Expr right) implements Expr {
    }

    record And(Expr left, Expr right) implements Expr {
    }

    record Or(Expr left, Expr right) implements Expr {
    }

    /** A comparison chain {@code a < b <= c}; ops include {@code in} and {@code not in}. */
    record Compare(Expr first, List<String> ops, List<Expr> operands) implements Expr {
    }

    /** {@code then if test else otherwise}; {@code otherwise} is null when the else part is missing. */
    record Conditional(Expr test, Expr then, Expr otherwise) implements Expr {
    }
}
