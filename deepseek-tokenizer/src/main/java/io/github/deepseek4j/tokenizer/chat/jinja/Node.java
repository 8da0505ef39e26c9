package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.List;

/** Statement nodes of the template AST; {@code line} locates runtime errors. */
sealed interface Node {

    /** Where a {@code for} or {@code set} stores values. */
    sealed interface Target {
        record Variable(String name) implements Target {
        }

        record Unpack(List<String> names) implements Target {
        }

        /** {@code ns.attr}: the only assignment that escapes a loop body. */
        record NamespaceAttribute(String namespace, String attribute) implements Target {
        }
    }

    record Text(String text) implements Node {
    }

    record Output(Expr expr, int line) implements Node {
    }

    /** if / elif... / else: {@code conditions.get(i)} guards {@code bodies.get(i)}. */
    record If(List<Expr> conditions, List<List<Node>> bodies, List<Node> otherwise, int line) implements Node {
    }

    record For(Target target, Expr iterable, Expr filter, List<Node> body, List<Node> otherwise, int line)
            implements Node {
    }

    record Set(Target target, Expr value, int line) implements Node {
    }

    /** {@code {% set name %}body{% endset %}}. */
    record SetBlock(String name, List<Node> body, int line) implements Node {
    }

    /** A macro definition; {@code defaults} aligns with the last parameters. */
    record Macro(String name, List<String> parameters, List<Expr> defaults, List<Node> body, int line)
            implements Node {
    }

    record Break(int line) implements Node {
    }

    record Continue(int line) implements Node {
    }
}
