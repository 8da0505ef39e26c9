package io.github.deepseek4j.tokenizer.chat.jinja;

import io.github.deepseek4j.tokenizer.chat.jinja.Expr.Args;
import io.github.deepseek4j.tokenizer.chat.jinja.Node.Target;
import io.github.deepseek4j.tokenizer.chat.jinja.Token.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser from tokens to the AST, with jinja2's operator precedence.
 *
 * <p>One depth, {@link #MAX_NESTING}, bounds every way a template nests: block statements, brackets,
 * unary operators, {@code a if b else c} chains, and each link of an operator, filter, test, attribute
 * or call chain (the renderer recurses on the tree those build). So neither parsing nor rendering can
 * run out of stack, and a template nested deeper is a {@link TemplateSyntaxException}.
 */
final class Parser {

    private static final int MAX_NESTING = 200;
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<String> TEST_ARGUMENT_STOPS = Set.of("else", "or", "and");

    private final List<Token> tokens;
    private int pos;
    private int depth;
    private int loopDepth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static List<Node> parse(String source) {
        Parser p = new Parser(Lexer.tokenize(source));
        return p.body(Set.of());
    }

    // ---- statements ----

    /** Parses nodes until EOF or a block tag whose name is in {@code endTags} (left unconsumed). */
    private List<Node> body(Set<String> endTags) {
        List<Node> nodes = new ArrayList<>();
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case EOF -> {
                    if (!endTags.isEmpty()) {
                        throw new TemplateSyntaxException("unexpected end of template, expected one of "
                                + endTags.stream().sorted().toList(), t.line());
                    }
                    return nodes;
                }
                case DATA -> {
                    pos++;
                    nodes.add(new Node.Text(t.text()));
                }
                case VARIABLE_BEGIN -> {
                    pos++;
                    Expr e = tuple(true);
                    expect(Kind.VARIABLE_END);
                    nodes.add(new Node.Output(e, t.line()));
                }
                case BLOCK_BEGIN -> {
                    Token name = tokens.get(pos + 1);
                    if (name.is(Kind.NAME) && endTags.contains(name.text())) {
                        return nodes;
                    }
                    pos++;
                    statement(nodes);
                }
                default -> throw unexpected(t);
            }
        }
    }

    private void statement(List<Node> out) {
        enter();
        try {
            blockStatement(out);
        } finally {
            depth--;
        }
    }

    private void blockStatement(List<Node> out) {
        Token keyword = expect(Kind.NAME);
        int line = keyword.line();
        switch (keyword.text()) {
            case "if" -> out.add(ifStatement(line));
            case "for" -> out.add(forStatement(line));
            case "set" -> out.add(setStatement(line));
            case "macro" -> out.add(macro(line));
            case "break" -> {
                requireLoop("break", line);
                expect(Kind.BLOCK_END);
                out.add(new Node.Break(line));
            }
            case "continue" -> {
                requireLoop("continue", line);
                expect(Kind.BLOCK_END);
                out.add(new Node.Continue(line));
            }
            case "generation" -> {
                // transformers' {% generation %} marks assistant text for masks; it renders its body unchanged
                expect(Kind.BLOCK_END);
                out.addAll(body(Set.of("endgeneration")));
                endTag("endgeneration");
            }
            default -> throw new TemplateSyntaxException("unexpected or unsupported tag '" + keyword.text() + "'", line);
        }
    }

    private Node ifStatement(int line) {
        List<Expr> conditions = new ArrayList<>();
        List<List<Node>> bodies = new ArrayList<>();
        List<Node> otherwise = List.of();
        conditions.add(tuple(false));
        expect(Kind.BLOCK_END);
        while (true) {
            bodies.add(body(Set.of("elif", "else", "endif")));
            expect(Kind.BLOCK_BEGIN);
            String tag = expect(Kind.NAME).text();
            if (tag.equals("elif")) {
                conditions.add(tuple(false));
                expect(Kind.BLOCK_END);
            } else if (tag.equals("else")) {
                expect(Kind.BLOCK_END);
                otherwise = body(Set.of("endif"));
                endTag("endif");
                break;
            } else {
                expect(Kind.BLOCK_END);
                break;
            }
        }
        return new Node.If(conditions, bodies, otherwise, line);
    }

    private Node forStatement(int line) {
        Target target = assignTarget(false);
        expectName("in");
        Expr iterable = tuple(false);
        Expr filter = null;
        if (peek().isName("if")) {
            pos++;
            filter = expression(true);
        }
        if (peek().isName("recursive")) {
            throw new TemplateSyntaxException("recursive loops are not supported", line);
        }
        expect(Kind.BLOCK_END);
        loopDepth++;
        List<Node> body = body(Set.of("else", "endfor"));
        loopDepth--;
        List<Node> otherwise = List.of();
        expect(Kind.BLOCK_BEGIN);
        if (expect(Kind.NAME).text().equals("else")) {
            expect(Kind.BLOCK_END);
            otherwise = body(Set.of("endfor"));
            endTag("endfor");
        } else {
            expect(Kind.BLOCK_END);
        }
        return new Node.For(target, iterable, filter, body, otherwise, line);
    }

    private Node setStatement(int line) {
        Target target = assignTarget(true);
        if (peek().isOperator("=")) {
            pos++;
            Expr value = tuple(true);
            expect(Kind.BLOCK_END);
            return new Node.Set(target, value, line);
        }
        if (!(target instanceof Target.Variable(String name))) {
            throw new TemplateSyntaxException("a block set needs a plain variable name", line);
        }
        expect(Kind.BLOCK_END);
        List<Node> body = body(Set.of("endset"));
        endTag("endset");
        return new Node.SetBlock(name, body, line);
    }

    private Node macro(int line) {
        String name = expect(Kind.NAME).text();
        List<String> params = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        expectOperator("(");
        commaSeparated(")", () -> {
            params.add(expect(Kind.NAME).text());
            if (peek().isOperator("=")) {
                pos++;
                defaults.add(expression(true));
            } else if (!defaults.isEmpty()) {
                throw new TemplateSyntaxException("non-default argument follows default argument", line);
            }
        });
        expect(Kind.BLOCK_END);
        int enclosingLoops = loopDepth;
        loopDepth = 0;
        List<Node> body = body(Set.of("endmacro"));
        loopDepth = enclosingLoops;
        endTag("endmacro");
        return new Node.Macro(name, params, defaults, body, line);
    }

    private void requireLoop(String keyword, int line) {
        if (loopDepth == 0) {
            throw new TemplateSyntaxException("'" + keyword + "' outside of a loop", line);
        }
    }

    private Target assignTarget(boolean allowNamespace) {
        Token first = expect(Kind.NAME);
        if (allowNamespace && peek().isOperator(".")) {
            pos++;
            return new Target.NamespaceAttribute(first.text(), expect(Kind.NAME).text());
        }
        if (!peek().isOperator(",")) {
            return new Target.Variable(first.text());
        }
        List<String> names = new ArrayList<>(List.of(first.text()));
        while (peek().isOperator(",")) {
            pos++;
            names.add(expect(Kind.NAME).text());
        }
        return new Target.Unpack(names);
    }

    private void endTag(String name) {
        expect(Kind.BLOCK_BEGIN);
        expectName(name);
        expect(Kind.BLOCK_END);
    }

    // ---- expressions, loosest binding first ----

    /** An expression or a bare tuple {@code a, b}. */
    private Expr tuple(boolean allowConditional) {
        Expr first = expression(allowConditional);
        if (!peek().isOperator(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (peek().isOperator(",") && startsExpression(tokens.get(pos + 1))) {
            pos++;
            items.add(expression(allowConditional));
        }
        if (peek().isOperator(",")) {
            pos++;
        }
        return new Expr.TupleLiteral(items);
    }

    private Expr expression(boolean allowConditional) {
        enter();
        try {
            return allowConditional ? conditional() : or();
        } finally {
            depth--;
        }
    }

    private Expr conditional() {
        int mark = depth;
        Expr expr = or();
        while (peek().isName("if")) {
            pos++;
            enter();
            Expr test = or();
            Expr otherwise = null;
            if (peek().isName("else")) {
                pos++;
                otherwise = conditional(); // one level deeper: this link entered above
            }
            expr = new Expr.Conditional(test, expr, otherwise);
        }
        depth = mark;
        return expr;
    }

    private Expr or() {
        int mark = depth;
        Expr left = and();
        while (peek().isName("or")) {
            enter();
            pos++;
            left = new Expr.Or(left, and());
        }
        depth = mark;
        return left;
    }

    private Expr and() {
        int mark = depth;
        Expr left = not();
        while (peek().isName("and")) {
            enter();
            pos++;
            left = new Expr.And(left, not());
        }
        depth = mark;
        return left;
    }

    private Expr not() {
        if (peek().isName("not")) {
            pos++;
            enter();
            try {
                return new Expr.Not(not());
            } finally {
                depth--;
            }
        }
        return compare();
    }

    private Expr compare() {
        Expr first = math1();
        List<String> ops = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.is(Kind.OPERATOR) && COMPARISONS.contains(t.text())) {
                pos++;
                ops.add(t.text());
            } else if (t.isName("in")) {
                pos++;
                ops.add("in");
            } else if (t.isName("not") && tokens.get(pos + 1).isName("in")) {
                pos += 2;
                ops.add("not in");
            } else {
                break;
            }
            operands.add(math1());
        }
        return ops.isEmpty() ? first : new Expr.Compare(first, ops, operands);
    }

    private Expr math1() {
        int mark = depth;
        Expr left = concat();
        while (peek().isOperator("+") || peek().isOperator("-")) {
            enter();
            String op = tokens.get(pos++).text();
            left = new Expr.Binary(op, left, concat());
        }
        depth = mark;
        return left;
    }

    private Expr concat() {
        int mark = depth;
        Expr left = math2();
        while (peek().isOperator("~")) {
            enter();
            pos++;
            left = new Expr.Binary("~", left, math2());
        }
        depth = mark;
        return left;
    }

    private Expr math2() {
        int mark = depth;
        Expr left = power();
        while (peek().isOperator("*") || peek().isOperator("/") || peek().isOperator("//") || peek().isOperator("%")) {
            enter();
            String op = tokens.get(pos++).text();
            left = new Expr.Binary(op, left, power());
        }
        depth = mark;
        return left;
    }

    private Expr power() {
        int mark = depth;
        Expr left = unary(true);
        while (peek().isOperator("**")) {
            enter();
            pos++;
            left = new Expr.Binary("**", left, unary(true));
        }
        depth = mark;
        return left;
    }

    private Expr unary(boolean withFilters) {
        enter();
        try {
            Token t = peek();
            Expr node;
            if (t.isOperator("-") || t.isOperator("+")) {
                pos++;
                node = new Expr.Unary(t.text(), unary(false));
            } else {
                node = primary();
            }
            node = postfix(node);
            return withFilters ? filtersAndTests(node) : node;
        } finally {
            depth--;
        }
    }

    private Expr primary() {
        Token t = tokens.get(pos++);
        switch (t.kind()) {
            case NAME -> {
                return switch (t.text()) {
                    case "true", "True" -> new Expr.Literal(Boolean.TRUE);
                    case "false", "False" -> new Expr.Literal(Boolean.FALSE);
                    case "none", "None" -> new Expr.Literal(null);
                    default -> new Expr.Name(t.text());
                };
            }
            case STRING -> {
                StringBuilder s = new StringBuilder((String) t.value());
                while (peek().is(Kind.STRING)) {
                    s.append((String) tokens.get(pos++).value());
                }
                return new Expr.Literal(s.toString());
            }
            case INTEGER, FLOAT -> {
                return new Expr.Literal(t.value());
            }
            case OPERATOR -> {
                switch (t.text()) {
                    case "(" -> {
                        return parenthesized();
                    }
                    case "[" -> {
                        return new Expr.ListLiteral(sequence("]"));
                    }
                    case "{" -> {
                        return dict();
                    }
                    default -> {
                        // fall through to the error below
                    }
                }
            }
            default -> {
                // fall through to the error below
            }
        }
        throw unexpected(t);
    }

    private Expr parenthesized() {
        if (peek().isOperator(")")) {
            pos++;
            return new Expr.TupleLiteral(List.of());
        }
        Expr first = expression(true);
        if (peek().isOperator(")")) {
            pos++;
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (peek().isOperator(",")) {
            pos++;
            if (peek().isOperator(")")) {
                break;
            }
            items.add(expression(true));
        }
        expectOperator(")");
        return new Expr.TupleLiteral(items);
    }

    private List<Expr> sequence(String close) {
        List<Expr> items = new ArrayList<>();
        commaSeparated(close, () -> items.add(expression(true)));
        return items;
    }

    private Expr dict() {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        commaSeparated("}", () -> {
            keys.add(expression(true));
            expectOperator(":");
            values.add(expression(true));
        });
        return new Expr.DictLiteral(keys, values);
    }

    /** Parses items separated by commas (a trailing comma allowed) up to and including {@code close}. */
    private void commaSeparated(String close, Runnable item) {
        boolean first = true;
        while (!peek().isOperator(close)) {
            if (!first) {
                expectOperator(",");
                if (peek().isOperator(close)) {
                    break;
                }
            }
            item.run();
            first = false;
        }
        pos++;
    }

    private Expr postfix(Expr node) {
        int mark = depth;
        while (true) {
            Token t = peek();
            if (t.isOperator(".") || t.isOperator("[") || t.isOperator("(")) {
                enter();
            }
            if (t.isOperator(".")) {
                pos++;
                Token attr = tokens.get(pos++);
                if (attr.is(Kind.NAME)) {
                    node = new Expr.Attribute(node, attr.text());
                } else if (attr.is(Kind.INTEGER)) {
                    node = new Expr.Item(node, new Expr.Literal(attr.value()));
                } else {
                    throw unexpected(attr);
                }
            } else if (t.isOperator("[")) {
                pos++;
                node = new Expr.Item(node, subscript());
                expectOperator("]");
            } else if (t.isOperator("(")) {
                pos++;
                node = new Expr.Call(node, callArgs());
            } else {
                depth = mark;
                return node;
            }
        }
    }

    private Expr subscript() {
        Expr start = null;
        if (!peek().isOperator(":")) {
            start = expression(true);
            if (!peek().isOperator(":")) {
                return start;
            }
        }
        pos++;
        Expr stop = peek().isOperator(":") || peek().isOperator("]") ? null : expression(true);
        Expr step = null;
        if (peek().isOperator(":")) {
            pos++;
            step = peek().isOperator("]") ? null : expression(true);
        }
        return new Expr.Slice(start, stop, step);
    }

    /** Arguments after an opening parenthesis, up to and including the closing one. */
    private Args callArgs() {
        List<Expr> positional = new ArrayList<>();
        Map<String, Expr> keyword = new LinkedHashMap<>();
        commaSeparated(")", () -> {
            if (peek().isOperator("*") || peek().isOperator("**")) {
                throw new TemplateSyntaxException("*args and **kwargs in calls are not supported", peek().line());
            }
            if (peek().is(Kind.NAME) && tokens.get(pos + 1).isOperator("=")) {
                String name = tokens.get(pos).text();
                pos += 2;
                keyword.put(name, expression(true));
            } else if (!keyword.isEmpty()) {
                throw new TemplateSyntaxException("positional argument follows keyword argument", peek().line());
            } else {
                positional.add(expression(true));
            }
        });
        return new Args(positional, keyword);
    }

    private Expr filtersAndTests(Expr node) {
        int mark = depth;
        while (true) {
            Token t = peek();
            if (t.isOperator("|") || t.isName("is") || t.isOperator("(")) {
                enter();
            }
            if (t.isOperator("|")) {
                pos++;
                String name = dottedName();
                if (!Filters.exists(name)) {
                    throw new TemplateSyntaxException("no filter named '" + name + "'", t.line());
                }
                Args args = Args.NONE;
                if (peek().isOperator("(")) {
                    pos++;
                    args = callArgs();
                }
                node = new Expr.Filter(node, name, args);
            } else if (t.isName("is")) {
                pos++;
                node = test(node);
            } else if (t.isOperator("(")) {
                pos++;
                node = new Expr.Call(node, callArgs());
            } else {
                depth = mark;
                return node;
            }
        }
    }

    private Expr test(Expr node) {
        boolean negated = false;
        if (peek().isName("not")) {
            pos++;
            negated = true;
        }
        Token start = peek();
        String name = dottedName();
        if (!Tests.exists(name)) {
            throw new TemplateSyntaxException("no test named '" + name + "'", start.line());
        }
        Args args = Args.NONE;
        Token t = peek();
        if (t.isOperator("(")) {
            pos++;
            args = callArgs();
        } else if (startsTestArgument(t)) {
            if (t.isName("is")) {
                throw new TemplateSyntaxException("you cannot chain multiple tests with is", t.line());
            }
            args = new Args(List.of(postfix(primary())), Map.of());
        }
        return new Expr.Test(node, name, args, negated);
    }

    private static boolean startsTestArgument(Token t) {
        return switch (t.kind()) {
            case NAME -> !TEST_ARGUMENT_STOPS.contains(t.text());
            case STRING, INTEGER, FLOAT -> true;
            case OPERATOR -> t.text().equals("[") || t.text().equals("{");
            default -> false;
        };
    }

    private static boolean startsExpression(Token t) {
        return switch (t.kind()) {
            case NAME, STRING, INTEGER, FLOAT -> true;
            case OPERATOR -> "([{-+".contains(t.text());
            default -> false;
        };
    }

    private String dottedName() {
        StringBuilder name = new StringBuilder(expect(Kind.NAME).text());
        while (peek().isOperator(".") && tokens.get(pos + 1).is(Kind.NAME)) {
            pos++;
            name.append('.').append(tokens.get(pos++).text());
        }
        return name.toString();
    }

    // ---- helpers ----

    private void enter() {
        if (++depth > MAX_NESTING) {
            throw new TemplateSyntaxException("expression nested deeper than " + MAX_NESTING
                    + " (statements, brackets and operator chains together)", peek().line());
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token expect(Kind kind) {
        Token t = tokens.get(pos);
        if (!t.is(kind)) {
            throw new TemplateSyntaxException("expected " + kind.name().toLowerCase().replace('_', ' ')
                    + ", found " + t.describe(), t.line());
        }
        pos++;
        return t;
    }

    private void expectName(String name) {
        Token t = tokens.get(pos);
        if (!t.isName(name)) {
            throw new TemplateSyntaxException("expected '" + name + "', found " + t.describe(), t.line());
        }
        pos++;
    }

    private void expectOperator(String op) {
        Token t = tokens.get(pos);
        if (!t.isOperator(op)) {
            throw new TemplateSyntaxException("expected '" + op + "', found " + t.describe(), t.line());
        }
        pos++;
    }

    private static TemplateSyntaxException unexpected(Token t) {
        return new TemplateSyntaxException("unexpected " + t.describe(), t.line());
    }
}
