package io.github.deepseek4j.tokenizer.chat.jinja;

import io.github.deepseek4j.tokenizer.chat.jinja.Node.Target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes a parsed template: statements write to a buffer, expressions evaluate to values.
 *
 * <p>One rendering runs on a budget, so that a template from a model file cannot hang or exhaust the
 * JVM whatever it does: {@link #MAX_STEPS} statements and expressions evaluated, {@link #MAX_ALLOCATED}
 * characters of strings and lists built (all values together, including the output), {@link #MAX_TIME}
 * of wall-clock time, and {@link #MAX_DEPTH} nested statements, expressions and macro calls (one
 * limit for every recursive construct). Going past any of them is a {@link TemplateRuntimeException}.
 */
final class Renderer {

    private static final int MAX_CALL_DEPTH = 64;
    /** Nested statements, expressions and macro calls at any moment of a rendering. */
    static final int MAX_DEPTH = 1_000;
    /** Loop iterations one rendering may run (all loops together): a hostile template must not hang the caller. */
    static final long MAX_ITERATIONS = 1_000_000;
    /** Statements and expressions one rendering may evaluate (all of them, macro bodies included). */
    static final long MAX_STEPS = 5_000_000;
    /**
     * Characters of strings and lists one rendering may build in all (a list item counts as
     * {@link #LIST_ITEM_CHARACTERS}): bounds the memory a template can hold, and the work of
     * quadratic builds such as {@code ns.s = ns.s ~ x} in a loop.
     */
    static final long MAX_ALLOCATED = 1L << 25;
    /** What one list or dict item costs against {@link #MAX_ALLOCATED}: a reference and its share of the array. */
    static final int LIST_ITEM_CHARACTERS = 4;
    /** Wall-clock time one rendering may take. */
    static final Duration MAX_TIME = Duration.ofSeconds(5);
    /** The longest output (and captured block) one rendering may produce: a prompt, far beyond any context. */
    static final int MAX_OUTPUT = Operators.MAX_LENGTH;

    /** How a statement list ended: normally, or by {@code break} / {@code continue}. */
    private enum Flow { NORMAL, BREAK, CONTINUE }

    private final long deadline = System.nanoTime() + MAX_TIME.toNanos();
    private int callDepth;
    private int depth;
    private long iterations;
    private long steps;
    private long allocated;

    String render(List<Node> template, Scope scope) {
        StringBuilder out = new StringBuilder();
        run(template, scope, out);
        return out.toString();
    }

    private Flow run(List<Node> nodes, Scope scope, StringBuilder out) {
        for (Node node : nodes) {
            Flow flow;
            try {
                flow = run(node, scope, out);
            } catch (TemplateRuntimeException e) {
                throw e.atLine(line(node));
            } catch (TemplateRaisedException e) {
                throw e.atLine(line(node));
            }
            if (flow != Flow.NORMAL) {
                return flow;
            }
        }
        return Flow.NORMAL;
    }

    private Flow run(Node node, Scope scope, StringBuilder out) {
        enter();
        try {
            return execute(node, scope, out);
        } finally {
            depth--;
        }
    }

    private Flow execute(Node node, Scope scope, StringBuilder out) {
        switch (node) {
            case Node.Text t -> write(out, t.text());
            case Node.Output o -> write(out, Values.str(eval(o.expr(), scope)));
            case Node.If n -> {
                for (int i = 0; i < n.conditions().size(); i++) {
                    if (Values.truthy(eval(n.conditions().get(i), scope))) {
                        return run(n.bodies().get(i), scope, out);
                    }
                }
                return run(n.otherwise(), scope, out);
            }
            case Node.For n -> {
                return loop(n, scope, out);
            }
            case Node.Set n -> assign(n.target(), eval(n.value(), scope), scope);
            case Node.SetBlock n -> {
                StringBuilder captured = new StringBuilder();
                run(n.body(), scope, captured);
                scope.set(n.name(), captured.toString());
            }
            case Node.Macro n -> scope.set(n.name(), macro(n, scope));
            case Node.Break b -> {
                return Flow.BREAK;
            }
            case Node.Continue c -> {
                return Flow.CONTINUE;
            }
        }
        return Flow.NORMAL;
    }

    private void write(StringBuilder out, String text) {
        if ((long) out.length() + text.length() > MAX_OUTPUT) {
            throw new TemplateRuntimeException("MemoryError: template output longer than " + MAX_OUTPUT + " characters");
        }
        charge(text.length());
        out.append(text);
    }

    /** Counts one step and one level of nesting; fails past {@link #MAX_STEPS}, {@link #MAX_DEPTH} or {@link #MAX_TIME}. */
    private void enter() {
        if (++steps > MAX_STEPS) {
            throw new TemplateRuntimeException("template evaluated more than " + MAX_STEPS + " statements and expressions");
        }
        if ((steps & 15) == 0) {
            checkDeadline();
        }
        if (++depth > MAX_DEPTH) {
            throw new TemplateRuntimeException("RecursionError: statements, expressions and macro calls nested deeper than "
                    + MAX_DEPTH);
        }
    }

    /** Counts {@code characters} more against {@link #MAX_ALLOCATED}. */
    private void charge(long characters) {
        allocated += characters;
        if (allocated > MAX_ALLOCATED) {
            throw new TemplateRuntimeException("MemoryError: template built more than " + MAX_ALLOCATED
                    + " characters of strings and lists");
        }
        checkDeadline();
    }

    private void checkDeadline() {
        if (System.nanoTime() - deadline > 0) {
            throw new TemplateRuntimeException("TimeoutError: template rendering took longer than " + MAX_TIME.toSeconds() + " s");
        }
    }

    /** Charges what an operation built: a new string, list or dict. */
    private Object built(Object value) {
        switch (value) {
            case String s -> charge(s.length());
            case List<?> l -> charge((long) LIST_ITEM_CHARACTERS * l.size());
            case Map<?, ?> m -> charge((long) LIST_ITEM_CHARACTERS * m.size());
            case null, default -> {
                // numbers, booleans, callables: constant size
            }
        }
        return value;
    }

    private static int line(Node node) {
        return switch (node) {
            case Node.Text t -> 0;
            case Node.Output n -> n.line();
            case Node.If n -> n.line();
            case Node.For n -> n.line();
            case Node.Set n -> n.line();
            case Node.SetBlock n -> n.line();
            case Node.Macro n -> n.line();
            case Node.Break n -> n.line();
            case Node.Continue n -> n.line();
        };
    }

    private Flow loop(Node.For n, Scope scope, StringBuilder out) {
        Scope body = new Scope(scope);
        List<Object> items = Values.iterate(eval(n.iterable(), scope));
        if (n.filter() != null) {
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                assign(n.target(), item, body);
                if (Values.truthy(eval(n.filter(), body))) {
                    kept.add(item);
                }
            }
            items = kept;
        }
        if (items.isEmpty()) {
            return run(n.otherwise(), scope, out);
        }
        LoopInfo info = new LoopInfo(items);
        for (int i = 0; i < items.size(); i++) {
            if (++iterations > MAX_ITERATIONS) {
                throw new TemplateRuntimeException("template ran more than " + MAX_ITERATIONS + " loop iterations");
            }
            info.moveTo(i);
            assign(n.target(), items.get(i), body);
            body.set("loop", info);
            if (run(n.body(), body, out) == Flow.BREAK) {
                break;
            }
        }
        return Flow.NORMAL;
    }

    private void assign(Target target, Object value, Scope scope) {
        switch (target) {
            case Target.Variable v -> scope.set(v.name(), value);
            case Target.Unpack u -> {
                List<Object> parts = Values.iterate(value);
                if (parts.size() != u.names().size()) {
                    throw new TemplateRuntimeException("ValueError: expected " + u.names().size()
                            + " values to unpack, got " + parts.size());
                }
                for (int i = 0; i < parts.size(); i++) {
                    scope.set(u.names().get(i), parts.get(i));
                }
            }
            case Target.NamespaceAttribute a -> {
                if (!(scope.lookup(a.namespace()) instanceof Namespace ns)) {
                    throw new TemplateRuntimeException("cannot assign attribute on non-namespace object '" + a.namespace() + "'");
                }
                ns.attributes.put(a.attribute(), value);
            }
        }
    }

    private JinjaCallable macro(Node.Macro m, Scope definition) {
        return (positional, keyword) -> {
            if (++callDepth > MAX_CALL_DEPTH) {
                callDepth = 0;
                throw new TemplateRuntimeException("RecursionError: macro calls nested deeper than " + MAX_CALL_DEPTH);
            }
            try {
                Scope frame = new Scope(definition);
                List<String> params = m.parameters();
                int firstDefault = params.size() - m.defaults().size();
                Map<String, Object> extra = new LinkedHashMap<>(keyword);
                for (int i = 0; i < params.size(); i++) {
                    String p = params.get(i);
                    if (i < positional.size()) {
                        frame.set(p, positional.get(i));
                    } else if (extra.containsKey(p)) {
                        frame.set(p, extra.remove(p));
                    } else if (i >= firstDefault) {
                        frame.set(p, eval(m.defaults().get(i - firstDefault), frame));
                    } else {
                        frame.set(p, Undefined.variable(p));
                    }
                }
                frame.set("varargs", positional.size() > params.size()
                        ? new Tuple(new ArrayList<>(positional.subList(params.size(), positional.size()))) : Tuple.of());
                frame.set("kwargs", extra);
                StringBuilder out = new StringBuilder();
                run(m.body(), frame, out);
                return out.toString();
            } finally {
                callDepth = Math.max(0, callDepth - 1);
            }
        };
    }

    Object eval(Expr expr, Scope scope) {
        enter();
        try {
            Object value = evaluate(expr, scope);
            return switch (expr) {
                case Expr.Binary b -> built(value);
                case Expr.Filter f -> built(value);
                case Expr.Call c -> built(value);
                case Expr.ListLiteral l -> built(value);
                case Expr.TupleLiteral t -> built(value);
                case Expr.DictLiteral d -> built(value);
                case Expr.Item i when i.key() instanceof Expr.Slice -> built(value);
                default -> value; // a value looked up or passed through, built (and charged) before
            };
        } finally {
            depth--;
        }
    }

    private Object evaluate(Expr expr, Scope scope) {
        return switch (expr) {
            case Expr.Literal l -> l.value();
            case Expr.Name n -> scope.lookup(n.name());
            case Expr.ListLiteral l -> evalAll(l.items(), scope);
            case Expr.TupleLiteral t -> new Tuple(evalAll(t.items(), scope));
            case Expr.DictLiteral d -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < d.keys().size(); i++) {
                    map.put(eval(d.keys().get(i), scope), eval(d.values().get(i), scope));
                }
                yield map;
            }
            case Expr.Attribute a -> Access.attribute(eval(a.target(), scope), a.name());
            case Expr.Item i when i.key() instanceof Expr.Slice s -> Access.slice(eval(i.target(), scope),
                    evalOrNull(s.start(), scope), evalOrNull(s.stop(), scope), evalOrNull(s.step(), scope));
            case Expr.Item i -> Access.item(eval(i.target(), scope), eval(i.key(), scope));
            case Expr.Slice s -> throw new TemplateRuntimeException("a slice is only valid inside brackets");
            case Expr.Call c -> call(eval(c.callee(), scope), args(describe(c.callee()), c.args(), scope));
            case Expr.Filter f -> Filters.apply(f.name(), eval(f.target(), scope), args(f.name(), f.args(), scope));
            case Expr.Test t -> t.negated() != Tests.apply(t.name(), eval(t.target(), scope), args(t.name(), t.args(), scope));
            case Expr.Unary u -> u.op().equals("-") ? Operators.negate(eval(u.operand(), scope))
                    : Operators.arithmetic("+", 0L, eval(u.operand(), scope));
            case Expr.Not n -> !Values.truthy(eval(n.operand(), scope));
            case Expr.Binary b when b.op().equals("~") -> Operators.concat(Values.str(eval(b.left(), scope)),
                    Values.str(eval(b.right(), scope)));
            case Expr.Binary b -> Operators.arithmetic(b.op(), eval(b.left(), scope), eval(b.right(), scope));
            case Expr.And a -> {
                Object left = eval(a.left(), scope);
                yield Values.truthy(left) ? eval(a.right(), scope) : left;
            }
            case Expr.Or o -> {
                Object left = eval(o.left(), scope);
                yield Values.truthy(left) ? left : eval(o.right(), scope);
            }
            case Expr.Compare c -> compare(c, scope);
            case Expr.Conditional c -> {
                if (Values.truthy(eval(c.test(), scope))) {
                    yield eval(c.then(), scope);
                }
                yield c.otherwise() == null
                        ? new Undefined("the inline if-expression evaluated to false and no else section was defined")
                        : eval(c.otherwise(), scope);
            }
        };
    }

    private Object evalOrNull(Expr e, Scope scope) {
        return e == null ? null : eval(e, scope);
    }

    private List<Object> evalAll(List<Expr> exprs, Scope scope) {
        List<Object> values = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            values.add(eval(e, scope));
        }
        return values;
    }

    private Arguments args(String function, Expr.Args args, Scope scope) {
        Map<String, Object> keyword = new LinkedHashMap<>();
        args.keyword().forEach((k, v) -> keyword.put(k, eval(v, scope)));
        return new Arguments(function, evalAll(args.positional(), scope), keyword);
    }

    private static Object call(Object callee, Arguments args) {
        if (callee instanceof Undefined u) {
            throw u.error();
        }
        if (!(callee instanceof JinjaCallable f)) {
            throw new TemplateRuntimeException("TypeError: '" + Values.typeName(callee) + "' object is not callable");
        }
        return f.call(args.positional(), args.keyword());
    }

    private static String describe(Expr callee) {
        return switch (callee) {
            case Expr.Name n -> n.name();
            case Expr.Attribute a -> a.name();
            default -> "function";
        };
    }

    private Object compare(Expr.Compare c, Scope scope) {
        Object left = eval(c.first(), scope);
        for (int i = 0; i < c.ops().size(); i++) {
            Object right = eval(c.operands().get(i), scope);
            String op = c.ops().get(i);
            boolean holds = switch (op) {
                case "==" -> Values.equal(left, right);
                case "!=" -> !Values.equal(left, right);
                case "in" -> Values.contains(right, left);
                case "not in" -> !Values.contains(right, left);
                case "<" -> Operators.compare(left, right, op) < 0;
                case "<=" -> Operators.compare(left, right, op) <= 0;
                case ">" -> Operators.compare(left, right, op) > 0;
                default -> Operators.compare(left, right, op) >= 0;
            };
            if (!holds) {
                return false;
            }
            left = right;
        }
        return true;
    }
}
