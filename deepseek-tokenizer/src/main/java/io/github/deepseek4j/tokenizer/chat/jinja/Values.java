package io.github.deepseek4j.tokenizer.chat.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Template values and their Python semantics (truth, str, repr, equality, iteration). The values:
 * {@code null} (None), {@link Boolean}, {@link Long} (int), {@link Double} (float), {@link String},
 * {@link List} ({@link Tuple} for tuples), {@link Map}, {@link Undefined}, {@link Namespace},
 * {@link LoopInfo} and {@link JinjaCallable}. Operators are in {@link Operators}, access in {@link Access}.
 */
final class Values {

    private Values() {
    }

    /** Converts caller-supplied Java values (boxed numbers, collections, arrays) into the value model. */
    static Object fromJava(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Double d -> d;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case BigInteger b when b.bitLength() < 64 -> b.longValue();
            case BigDecimal d -> d.doubleValue();
            case Character c -> c.toString();
            case CharSequence cs -> cs.toString();
            case Enum<?> e -> e.name();
            case Map<?, ?> m -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                m.forEach((k, val) -> copy.put(fromJava(k), fromJava(val)));
                yield copy;
            }
            case Collection<?> c -> {
                List<Object> copy = new ArrayList<>(c.size());
                c.forEach(o -> copy.add(fromJava(o)));
                yield copy;
            }
            case Object[] a -> fromJava(Arrays.asList(a));
            default -> throw new IllegalArgumentException("unsupported template variable type " + v.getClass().getName()
                    + " (use String, Number, Boolean, Map, Collection or null)");
        };
    }

    static String typeName(Object v) {
        return switch (v) {
            case null -> "NoneType";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Double d -> "float";
            case String s -> "str";
            case List<?> l -> "list";
            case Map<?, ?> m -> "dict";
            case Undefined u -> "Undefined";
            case Namespace n -> "Namespace";
            case LoopInfo l -> "LoopContext";
            default -> "function";
        };
    }

    static boolean truthy(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case Long l -> l != 0;
            case Double d -> d != 0.0;
            case String s -> !s.isEmpty();
            case List<?> l -> !l.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case Undefined u -> false;
            default -> true;
        };
    }

    /** Python's {@code str()}, which is what {@code {{ }}} prints. */
    static String str(Object v) {
        return switch (v) {
            case null -> "None";
            case String s -> s;
            case Boolean b -> b ? "True" : "False";
            case Double d -> floatRepr(d);
            case Undefined u -> "";
            case List<?> l -> {
                boolean tuple = l instanceof Tuple;
                StringBuilder sb = new StringBuilder(tuple ? "(" : "[");
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(repr(l.get(i)));
                    Operators.checkLength(sb.length());
                }
                yield sb.append(tuple ? (l.size() == 1 ? ",)" : ")") : "]").toString();
            }
            case Map<?, ?> m -> {
                StringBuilder sb = new StringBuilder("{");
                m.forEach((k, val) -> {
                    sb.append(sb.length() > 1 ? ", " : "").append(repr(k)).append(": ").append(repr(val));
                    Operators.checkLength(sb.length());
                });
                yield sb.append('}').toString();
            }
            case JinjaCallable f -> "<function>";
            default -> v.toString();
        };
    }

    /** Python's {@code repr()}: strings quoted and escaped, everything else as {@link #str}. */
    static String repr(Object v) {
        if (!(v instanceof String s)) {
            return v instanceof Undefined ? "Undefined" : str(v);
        }
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        if (s.chars().noneMatch(c -> c == quote || c == '\\' || c < 0x20 || c == 0x7f)) {
            return quote + s + quote;
        }
        StringBuilder sb = new StringBuilder().append(quote);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp == quote) {
                        sb.append('\\').append(quote);
                    } else if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append(quote).toString();
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, exponent form outside [1e-4, 1e16). */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                    + Math.abs(exponent);
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /** A key that is equal for values Python's {@code set} treats as equal ({@code 1 == 1.0 == True}). */
    static Object hashKey(Object v) {
        if (isInteger(v)) {
            return BigDecimal.valueOf(asLong(v)).stripTrailingZeros();
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? new BigDecimal(d).stripTrailingZeros() : d;
        }
        return v instanceof List<?> || v instanceof Map<?, ?> ? repr(v) : v;
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof Boolean;
    }

    static boolean isInteger(Object v) {
        return v instanceof Long || v instanceof Boolean;
    }

    static long asLong(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : (Long) v;
    }

    static double asDouble(Object v) {
        return v instanceof Double d ? d : asLong(v);
    }

    static long toLong(Object v, String what) {
        if (isInteger(v)) {
            return asLong(v);
        }
        throw new TemplateRuntimeException("TypeError: " + what + " must be an integer, not " + typeName(v));
    }

    static boolean equal(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return isInteger(a) && isInteger(b) ? asLong(a) == asLong(b) : asDouble(a) == asDouble(b);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Undefined || b instanceof Undefined) {
            return a instanceof Undefined && b instanceof Undefined;
        }
        return Objects.equals(a, b) || (a instanceof JinjaCallable && a == b);
    }

    static boolean contains(Object container, Object item) {
        return switch (container) {
            case String s when item instanceof String needle -> s.contains(needle);
            case String s -> throw new TemplateRuntimeException(
                    "TypeError: 'in <string>' requires string as left operand, not " + typeName(item));
            case Map<?, ?> m -> m.containsKey(item) || m.keySet().stream().anyMatch(k -> equal(k, item));
            case null -> throw new TemplateRuntimeException("TypeError: argument of type 'NoneType' is not iterable");
            default -> iterate(container).stream().anyMatch(o -> equal(o, item));
        };
    }

    /** The items a {@code for} loop visits: list items, dict keys, string characters; Undefined is empty. */
    static List<Object> iterate(Object v) {
        return switch (v) {
            case List<?> l -> Collections.unmodifiableList(l);
            case Map<?, ?> m -> new ArrayList<>(m.keySet());
            case String s -> Text.characters(s);
            case Undefined u -> List.of();
            case null, default -> throw new TemplateRuntimeException("TypeError: '" + typeName(v) + "' object is not iterable");
        };
    }

    static long length(Object v) {
        return switch (v) {
            case String s -> Text.length(s);
            case List<?> l -> l.size();
            case Map<?, ?> m -> m.size();
            case Undefined u -> 0;
            case null, default -> throw new TemplateRuntimeException("TypeError: object of type '" + typeName(v) + "' has no len()");
        };
    }

    static void failIfUndefined(Object v) {
        if (v instanceof Undefined u) {
            throw u.error();
        }
    }
}
