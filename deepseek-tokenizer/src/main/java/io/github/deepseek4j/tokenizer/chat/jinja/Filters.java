package io.github.deepseek4j.tokenizer.chat.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** jinja2's built-in filters that chat templates use, plus the model hubs' {@code tojson}. */
final class Filters {

    private static final Map<String, BiFunction<Object, Arguments, Object>> FILTERS = new HashMap<>();

    static {
        register(Filters::trim, "trim");
        register((v, a) -> Values.length(v), "length", "count");
        register(Filters::tojson, "tojson");
        register((v, a) -> items(v), "items");
        register((v, a) -> Values.str(v), "string");
        register((v, a) -> Values.str(v).toUpperCase(), "upper");
        register((v, a) -> Values.str(v).toLowerCase(), "lower");
        register((v, a) -> Text.capitalize(Values.str(v)), "capitalize");
        register((v, a) -> Text.title(Values.str(v)), "title");
        register(Filters::replace, "replace");
        register(Filters::join, "join");
        register(Filters::defaultValue, "default", "d");
        register(Filters::first, "first");
        register(Filters::last, "last");
        register((v, a) -> new ArrayList<>(Values.iterate(v)), "list");
        register(Filters::reverse, "reverse");
        register(Filters::sort, "sort");
        register(Filters::unique, "unique");
        register(Filters::dictsort, "dictsort");
        register(Filters::map, "map");
        register((v, a) -> select(v, a, true, false), "select");
        register((v, a) -> select(v, a, false, false), "reject");
        register((v, a) -> select(v, a, true, true), "selectattr");
        register((v, a) -> select(v, a, false, true), "rejectattr");
        register(Filters::indent, "indent");
        register(Filters::toInt, "int");
        register(Filters::toFloat, "float");
        register(Filters::abs, "abs");
        register(Filters::round, "round");
        register(Filters::sum, "sum");
        register((v, a) -> extreme(v, a, 1), "max");
        register((v, a) -> extreme(v, a, -1), "min");
        register((v, a) -> v, "safe");
        register(Filters::escape, "escape", "e");
        register((v, a) -> PercentFormat.format(Values.str(v), new Tuple(a.positional())), "format");
    }

    private Filters() {
    }

    private static void register(BiFunction<Object, Arguments, Object> filter, String... names) {
        for (String name : names) {
            FILTERS.put(name, filter);
        }
    }

    static boolean exists(String name) {
        return FILTERS.containsKey(name);
    }

    static Object apply(String name, Object value, Arguments args) {
        BiFunction<Object, Arguments, Object> filter = FILTERS.get(name);
        if (filter == null) {
            throw new TemplateRuntimeException("no filter named '" + name + "'");
        }
        return filter.apply(value, args);
    }

    static List<Object> items(Object v) {
        if (v instanceof Undefined) {
            return List.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new TemplateRuntimeException("FilterArgumentError: can only get item pairs from a mapping, not "
                    + Values.typeName(v));
        }
        List<Object> pairs = new ArrayList<>(m.size());
        m.forEach((k, val) -> pairs.add(Tuple.of(k, val)));
        return pairs;
    }

    private static Object trim(Object v, Arguments a) {
        return Text.strip(Values.str(v), a.accept("chars").string(0, "chars", null), true, true);
    }

    private static Object tojson(Object v, Arguments a) {
        a.accept("ensure_ascii", "indent", "separators", "sort_keys");
        Object separators = a.get(2, "separators", null);
        return PyJson.dumps(v, a.get(1, "indent", null), separators == null ? null : Values.iterate(separators),
                a.bool(3, "sort_keys", false), a.bool(0, "ensure_ascii", false));
    }

    private static Object replace(Object v, Arguments a) {
        a.accept("old", "new", "count");
        return Text.replace(Values.str(v), Values.str(a.get(0, "old", Arguments.REQUIRED)),
                Values.str(a.get(1, "new", Arguments.REQUIRED)), a.get(2, "count", null) == null ? -1 : a.integer(2, "count", -1));
    }

    private static Object join(Object v, Arguments a) {
        a.accept("d", "attribute");
        String separator = Values.str(a.get(0, "d", ""));
        Object attribute = a.get(1, "attribute", null);
        List<String> parts = new ArrayList<>();
        for (Object o : Values.iterate(v)) {
            parts.add(Values.str(attribute == null ? o : lookup(o, attribute)));
        }
        return Text.join(separator, parts);
    }

    private static Object defaultValue(Object v, Arguments a) {
        a.accept("default_value", "boolean");
        boolean useDefault = v instanceof Undefined || a.bool(1, "boolean", false) && !Values.truthy(v);
        return useDefault ? a.get(0, "default_value", "") : v;
    }

    private static Object first(Object v, Arguments a) {
        List<Object> items = Values.iterate(v);
        return items.isEmpty() ? new Undefined("no first item, sequence was empty") : items.getFirst();
    }

    private static Object last(Object v, Arguments a) {
        List<Object> items = Values.iterate(v);
        return items.isEmpty() ? new Undefined("no last item, sequence was empty") : items.getLast();
    }

    private static Object reverse(Object v, Arguments a) {
        if (v instanceof String s) {
            return new StringBuilder(s).reverse().toString();
        }
        List<Object> copy = new ArrayList<>(Values.iterate(v));
        Collections.reverse(copy);
        return copy;
    }

    private static Comparator<Object> ordering(Arguments a, int caseIndex, int attributeIndex) {
        boolean caseSensitive = a.bool(caseIndex, "case_sensitive", false);
        Object attribute = a.get(attributeIndex, "attribute", null);
        return Comparator.comparing(o -> {
            Object key = attribute == null ? o : lookup(o, attribute);
            return !caseSensitive && key instanceof String s ? s.toLowerCase() : key;
        }, (x, y) -> Operators.compare(x, y, "<"));
    }

    private static Object sort(Object v, Arguments a) {
        a.accept("reverse", "case_sensitive", "attribute");
        List<Object> copy = new ArrayList<>(Values.iterate(v));
        Comparator<Object> order = ordering(a, 1, 2);
        copy.sort(a.bool(0, "reverse", false) ? order.reversed() : order);
        return copy;
    }

    /** jinja2's {@code dictsort(case_sensitive=False, by='key', reverse=False)}: (key, value) pairs in order. */
    private static Object dictsort(Object v, Arguments a) {
        a.accept("case_sensitive", "by", "reverse");
        boolean caseSensitive = a.bool(0, "case_sensitive", false);
        String by = Values.str(a.get(1, "by", "key"));
        if (!by.equals("key") && !by.equals("value")) {
            throw new TemplateRuntimeException("FilterArgumentError: you can only sort by either \"key\" or \"value\"");
        }
        int position = by.equals("key") ? 0 : 1;
        Comparator<Object> order = Comparator.comparing(pair -> {
            Object key = ((List<?>) pair).get(position);
            return !caseSensitive && key instanceof String s ? s.toLowerCase() : key;
        }, (x, y) -> Operators.compare(x, y, "<"));
        List<Object> pairs = new ArrayList<>(items(v));
        pairs.sort(a.bool(2, "reverse", false) ? order.reversed() : order);
        return pairs;
    }

    private static Object unique(Object v, Arguments a) {
        a.accept("case_sensitive", "attribute");
        boolean caseSensitive = a.bool(0, "case_sensitive", false);
        Object attribute = a.get(1, "attribute", null);
        Set<Object> seen = new HashSet<>();
        List<Object> out = new ArrayList<>();
        for (Object o : Values.iterate(v)) {
            Object key = attribute == null ? o : lookup(o, attribute);
            if (seen.add(Values.hashKey(!caseSensitive && key instanceof String s ? s.toLowerCase() : key))) {
                out.add(o);
            }
        }
        return out;
    }

    private static Object map(Object v, Arguments a) {
        List<Object> out = new ArrayList<>();
        if (a.keyword().containsKey("attribute")) {
            Object attribute = a.keyword().get("attribute");
            boolean hasDefault = a.keyword().containsKey("default");
            for (Object o : Values.iterate(v)) {
                Object value = lookup(o, attribute);
                out.add(hasDefault && value instanceof Undefined ? a.keyword().get("default") : value);
            }
            return out;
        }
        if (a.positional().isEmpty()) {
            throw new TemplateRuntimeException("TypeError: map requires a filter name or attribute=");
        }
        String filter = Values.str(a.positional().getFirst());
        Arguments rest = new Arguments(filter, a.positional().subList(1, a.positional().size()), a.keyword());
        for (Object o : Values.iterate(v)) {
            out.add(apply(filter, o, rest));
        }
        return out;
    }

    /** select/reject ({@code byAttribute} false) and selectattr/rejectattr. */
    private static Object select(Object v, Arguments a, boolean keep, boolean byAttribute) {
        int testIndex = byAttribute ? 1 : 0;
        Object attribute = byAttribute ? a.get(0, "attribute", Arguments.REQUIRED) : null;
        String test = a.positional().size() > testIndex ? Values.str(a.positional().get(testIndex)) : null;
        List<Object> testArgs = a.positional().subList(Math.min(a.positional().size(), testIndex + 1), a.positional().size());
        List<Object> out = new ArrayList<>();
        for (Object o : Values.iterate(v)) {
            Object subject = byAttribute ? lookup(o, attribute) : o;
            boolean passed = test == null ? Values.truthy(subject)
                    : Tests.apply(test, subject, new Arguments(test, testArgs, Map.of()));
            if (passed == keep) {
                out.add(o);
            }
        }
        return out;
    }

    private static Object indent(Object v, Arguments a) {
        a.accept("width", "first", "blank");
        Object width = a.get(0, "width", 4L);
        String pad = width instanceof String s ? s : " ".repeat((int) Math.min(256, Math.max(0, Values.toLong(width, "indent width"))));
        List<Object> lines = Text.splitLines(Values.str(v) + "\n", false);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = (String) lines.get(i);
            if (i > 0) {
                out.append('\n').append(line.isEmpty() && !a.bool(2, "blank", false) ? "" : pad);
            }
            out.append(line);
            Operators.checkLength(out.length());
        }
        return a.bool(1, "first", false) ? pad + out : out.toString();
    }

    private static Object toInt(Object v, Arguments a) {
        a.accept("default", "base");
        Object fallback = a.get(0, "default", 0L);
        try {
            return switch (v) {
                case Long l -> l;
                case Boolean b -> b ? 1L : 0L;
                case Double d -> (long) d.doubleValue();
                case String s -> {
                    try {
                        yield Long.parseLong(s.strip().replace("_", ""), (int) a.integer(1, "base", 10));
                    } catch (NumberFormatException e) {
                        yield (long) Double.parseDouble(s.strip());
                    }
                }
                case null, default -> fallback;
            };
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Object toFloat(Object v, Arguments a) {
        a.accept("default");
        Object fallback = a.get(0, "default", 0.0);
        try {
            return switch (v) {
                case Double d -> d;
                case Long l -> l.doubleValue();
                case Boolean b -> b ? 1.0 : 0.0;
                case String s -> Double.parseDouble(s.strip());
                case null, default -> fallback;
            };
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Object abs(Object v, Arguments a) {
        return switch (v) {
            case Long l when l != Long.MIN_VALUE -> Math.abs(l);
            case Double d -> Math.abs(d);
            case Boolean b -> b ? 1L : 0L;
            case null, default -> throw new TemplateRuntimeException("TypeError: bad operand type for abs(): '"
                    + Values.typeName(v) + "'");
        };
    }

    private static Object round(Object v, Arguments a) {
        a.accept("precision", "method");
        if (!Values.isNumber(v)) {
            throw new TemplateRuntimeException("TypeError: round expects a number, not " + Values.typeName(v));
        }
        double d = v instanceof Double x ? x : Values.toLong(v, "round value");
        RoundingMode mode = switch (Values.str(a.get(1, "method", "common"))) {
            case "common" -> RoundingMode.HALF_EVEN;
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            default -> throw new TemplateRuntimeException("FilterArgumentError: method must be common, ceil or floor");
        };
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        return new BigDecimal(d).setScale((int) a.integer(0, "precision", 0), mode).doubleValue();
    }

    private static Object sum(Object v, Arguments a) {
        a.accept("attribute", "start");
        Object attribute = a.get(0, "attribute", null);
        Object total = a.get(1, "start", 0L);
        for (Object o : Values.iterate(v)) {
            total = Operators.arithmetic("+", total, attribute == null ? o : lookup(o, attribute));
        }
        return total;
    }

    private static Object extreme(Object v, Arguments a, int sign) {
        a.accept("case_sensitive", "attribute");
        Comparator<Object> order = ordering(a, 0, 1);
        Object best = null;
        boolean any = false;
        for (Object o : Values.iterate(v)) {
            if (!any || sign * order.compare(o, best) > 0) {
                best = o;
                any = true;
            }
        }
        return any ? best : new Undefined("no " + (sign > 0 ? "largest" : "smallest") + " item, sequence was empty");
    }

    private static Object escape(Object v, Arguments a) {
        return Values.str(v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&#34;").replace("'", "&#39;");
    }

    /** jinja2's attribute getter for filters: {@code "a.b"} or an integer index, item lookup first. */
    private static Object lookup(Object o, Object attribute) {
        if (attribute instanceof String path) {
            Object current = o;
            for (String part : path.split("\\.", -1)) {
                current = part.matches("-?\\d+") ? Access.item(current, Long.parseLong(part)) : Access.item(current, part);
            }
            return current;
        }
        return Access.item(o, attribute);
    }
}
