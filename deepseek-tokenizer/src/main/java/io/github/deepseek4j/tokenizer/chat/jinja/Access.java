package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.deepseek4j.tokenizer.chat.jinja.Values.isInteger;
import static io.github.deepseek4j.tokenizer.chat.jinja.Values.asLong;
import static io.github.deepseek4j.tokenizer.chat.jinja.Values.failIfUndefined;
import static io.github.deepseek4j.tokenizer.chat.jinja.Values.repr;
import static io.github.deepseek4j.tokenizer.chat.jinja.Values.toLong;
import static io.github.deepseek4j.tokenizer.chat.jinja.Values.typeName;

/** Attribute, item and slice access ({@code a.b}, {@code a[b]}, {@code a[1:-1]}) with jinja2's fallbacks. */
final class Access {

    private Access() {
    }

    /** {@code obj.name}: a Python attribute first (methods), then the item of that name. */
    static Object attribute(Object obj, String name) {
        return switch (obj) {
            case Undefined u -> throw u.error();
            case Map<?, ?> m -> {
                JinjaCallable method = Methods.of(m, name);
                if (method != null) {
                    yield method;
                }
                yield m.containsKey(name) ? m.get(name) : Undefined.attribute(obj, name);
            }
            case Namespace ns -> ns.attributes.containsKey(name) ? ns.attributes.get(name) : Undefined.attribute(obj, name);
            case LoopInfo loop -> loop.attribute(name);
            case null -> Undefined.attribute(null, name);
            default -> {
                JinjaCallable method = Methods.of(obj, name);
                yield method != null ? method : Undefined.attribute(obj, name);
            }
        };
    }

    /** {@code obj[key]}: the item first, then an attribute of that name. */
    static Object item(Object obj, Object key) {
        switch (obj) {
            case Undefined u -> throw u.error();
            case Map<?, ?> m -> {
                if (m.containsKey(key)) {
                    return m.get(key);
                }
            }
            case List<?> l when isInteger(key) -> {
                long i = asLong(key);
                long index = i < 0 ? i + l.size() : i;
                return index >= 0 && index < l.size() ? l.get((int) index) : new Undefined(typeName(obj) + " object has no element " + i);
            }
            case String s when isInteger(key) -> {
                List<Object> chars = Text.characters(s);
                long i = asLong(key);
                long index = i < 0 ? i + chars.size() : i;
                return index >= 0 && index < chars.size() ? chars.get((int) index) : new Undefined("str object has no element " + i);
            }
            case null, default -> {
                // fall back to the attribute below
            }
        }
        return key instanceof String name ? attribute(obj, name) : new Undefined(typeName(obj) + " object has no element " + repr(key));
    }

    /** Python slicing {@code obj[start:stop:step]} of a list or string; null parts take Python's defaults. */
    static Object slice(Object obj, Object start, Object stop, Object step) {
        failIfUndefined(obj);
        long st = step == null ? 1 : toLong(step, "slice step");
        if (st == 0) {
            throw new TemplateRuntimeException("ValueError: slice step cannot be zero");
        }
        List<?> items = switch (obj) {
            case List<?> l -> l;
            case String s -> Text.characters(s);
            case null, default -> throw new TemplateRuntimeException("TypeError: '" + typeName(obj) + "' object is not subscriptable");
        };
        int n = items.size();
        long lower = st > 0 ? 0 : -1;
        long upper = st > 0 ? n : n - 1;
        long from = start == null ? (st > 0 ? lower : upper) : clamp(toLong(start, "slice index"), n, lower, upper);
        long to = stop == null ? (st > 0 ? upper : lower) : clamp(toLong(stop, "slice index"), n, lower, upper);
        List<Object> out = new ArrayList<>();
        for (long i = from; st > 0 ? i < to : i > to; i += st) {
            out.add(items.get((int) i));
        }
        if (obj instanceof String) {
            StringBuilder sb = new StringBuilder();
            out.forEach(sb::append);
            return sb.toString();
        }
        return out;
    }

    private static long clamp(long index, int n, long lower, long upper) {
        return index < 0 ? Math.max(index + n, lower) : Math.min(index, upper);
    }
}
