package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** jinja2's built-in tests ({@code x is defined}, {@code x is string}, ...). */
final class Tests {

    private static final Map<String, BiPredicate<Object, Arguments>> TESTS = Map.ofEntries(
            Map.entry("defined", (v, a) -> !(v instanceof Undefined)),
            Map.entry("undefined", (v, a) -> v instanceof Undefined),
            Map.entry("none", (v, a) -> v == null),
            Map.entry("boolean", (v, a) -> v instanceof Boolean),
            Map.entry("true", (v, a) -> Boolean.TRUE.equals(v)),
            Map.entry("false", (v, a) -> Boolean.FALSE.equals(v)),
            Map.entry("integer", (v, a) -> v instanceof Long),
            Map.entry("float", (v, a) -> v instanceof Double),
            Map.entry("number", (v, a) -> Values.isNumber(v)),
            Map.entry("string", (v, a) -> v instanceof String),
            Map.entry("mapping", (v, a) -> v instanceof Map<?, ?>),
            Map.entry("iterable", (v, a) -> v instanceof String || v instanceof List<?> || v instanceof Map<?, ?>
                    || v instanceof Undefined),
            Map.entry("sequence", (v, a) -> v instanceof String || v instanceof List<?> || v instanceof Map<?, ?>
                    || v instanceof Undefined),
            Map.entry("callable", (v, a) -> v instanceof JinjaCallable),
            Map.entry("sameas", (v, a) -> sameAs(v, a.get(0, "other", Arguments.REQUIRED))),
            Map.entry("eq", Tests::equal), Map.entry("equalto", Tests::equal), Map.entry("==", Tests::equal),
            Map.entry("ne", (v, a) -> !equal(v, a)), Map.entry("!=", (v, a) -> !equal(v, a)),
            Map.entry("lt", (v, a) -> compare(v, a, "<") < 0), Map.entry("lessthan", (v, a) -> compare(v, a, "<") < 0),
            Map.entry("<", (v, a) -> compare(v, a, "<") < 0),
            Map.entry("le", (v, a) -> compare(v, a, "<=") <= 0), Map.entry("<=", (v, a) -> compare(v, a, "<=") <= 0),
            Map.entry("gt", (v, a) -> compare(v, a, ">") > 0), Map.entry("greaterthan", (v, a) -> compare(v, a, ">") > 0),
            Map.entry(">", (v, a) -> compare(v, a, ">") > 0),
            Map.entry("ge", (v, a) -> compare(v, a, ">=") >= 0), Map.entry(">=", (v, a) -> compare(v, a, ">=") >= 0),
            Map.entry("in", (v, a) -> Values.contains(a.get(0, "seq", Arguments.REQUIRED), v)),
            Map.entry("odd", (v, a) -> Math.floorMod(Values.toLong(v, "odd test value"), 2) == 1),
            Map.entry("even", (v, a) -> Math.floorMod(Values.toLong(v, "even test value"), 2) == 0),
            Map.entry("divisibleby", (v, a) -> {
                long divisor = a.integer(0, "num", 1);
                return divisor != 0 && Math.floorMod(Values.toLong(v, "divisibleby test value"), divisor) == 0;
            }),
            Map.entry("lower", (v, a) -> Values.str(v).equals(Values.str(v).toLowerCase())),
            Map.entry("upper", (v, a) -> Values.str(v).equals(Values.str(v).toUpperCase())),
            Map.entry("escaped", (v, a) -> false));

    private Tests() {
    }

    static boolean exists(String name) {
        return TESTS.containsKey(name);
    }

    static boolean apply(String name, Object value, Arguments args) {
        BiPredicate<Object, Arguments> test = TESTS.get(name);
        if (test == null) {
            throw new TemplateRuntimeException("no test named '" + name + "'");
        }
        return test.test(value, args);
    }

    private static boolean sameAs(Object a, Object b) {
        return a == b || (a instanceof Boolean || a instanceof Long) && a.equals(b);
    }

    private static boolean equal(Object v, Arguments a) {
        return Values.equal(v, a.get(0, "other", Arguments.REQUIRED));
    }

    private static int compare(Object v, Arguments a, String op) {
        return Operators.compare(v, a.get(0, "other", Arguments.REQUIRED), op);
    }
}
