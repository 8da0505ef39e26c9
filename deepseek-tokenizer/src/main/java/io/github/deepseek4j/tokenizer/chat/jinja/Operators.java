package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.ArrayList;
import java.util.List;

import static io.github.deepseek4j.tokenizer.chat.jinja.Values.asDouble;
import static io.github.deepseek4j.tokenizer.chat.jinja.Values.asLong;
import static io.github.deepseek4j.tokenizer.chat.jinja.Values.equal;
import static io.github.deepseek4j.tokenizer.chat.jinja.Values.failIfUndefined;
import static io.github.deepseek4j.tokenizer.chat.jinja.Values.isInteger;
import static io.github.deepseek4j.tokenizer.chat.jinja.Values.isNumber;
import static io.github.deepseek4j.tokenizer.chat.jinja.Values.typeName;

/** Python's arithmetic and ordering operators on template values. */
final class Operators {

    /**
     * The longest string or list an operation may build, so a hostile template cannot exhaust memory:
     * 4M characters, several times the longest prompt any DeepSeek context holds.
     */
    static final int MAX_LENGTH = 1 << 22;

    private Operators() {
    }

    /** Python's ordering for {@code < <= > >=}: numbers, strings, and lists element by element. */
    static int compare(Object a, Object b, String op) {
        failIfUndefined(a);
        failIfUndefined(b);
        if (isNumber(a) && isNumber(b)) {
            return isInteger(a) && isInteger(b) ? Long.compare(asLong(a), asLong(b)) : Double.compare(asDouble(a), asDouble(b));
        }
        if (a instanceof String x && b instanceof String y) {
            return Text.compare(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return compare(x.get(i), y.get(i), op);
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        throw new TemplateRuntimeException("TypeError: '" + op + "' not supported between instances of '"
                + typeName(a) + "' and '" + typeName(b) + "'");
    }

    /** The binary operators {@code + - * / // % **} with Python's rules. */
    static Object arithmetic(String op, Object a, Object b) {
        failIfUndefined(a);
        failIfUndefined(b);
        try {
            if (isNumber(a) && isNumber(b)) {
                return isInteger(a) && isInteger(b) ? integerOp(op, asLong(a), asLong(b)) : floatOp(op, asDouble(a), asDouble(b));
            }
            switch (op) {
                case "+" -> {
                    if (a instanceof String x && b instanceof String y) {
                        return concat(x, y);
                    }
                    if (a instanceof List<?> x && b instanceof List<?> y) {
                        checkLength((long) x.size() + y.size());
                        List<Object> joined = new ArrayList<>(x);
                        joined.addAll(y);
                        return joined;
                    }
                    if (a instanceof String || a instanceof List<?>) {
                        throw new TemplateRuntimeException("TypeError: can only concatenate " + typeName(a)
                                + " (not \"" + typeName(b) + "\") to " + typeName(a));
                    }
                }
                case "*" -> {
                    if (isInteger(b) && (a instanceof String || a instanceof List<?>)) {
                        return repeat(a, asLong(b));
                    }
                    if (isInteger(a) && (b instanceof String || b instanceof List<?>)) {
                        return repeat(b, asLong(a));
                    }
                }
                case "%" -> {
                    if (a instanceof String format) {
                        return PercentFormat.format(format, b);
                    }
                }
                default -> {
                    // no other operator applies to non-numbers
                }
            }
        } catch (ArithmeticException e) {
            throw new TemplateRuntimeException("OverflowError: integer result out of range");
        }
        throw new TemplateRuntimeException("TypeError: unsupported operand type(s) for " + op + ": '"
                + typeName(a) + "' and '" + typeName(b) + "'");
    }

    private static Object integerOp(String op, long a, long b) {
        return switch (op) {
            case "+" -> Math.addExact(a, b);
            case "-" -> Math.subtractExact(a, b);
            case "*" -> Math.multiplyExact(a, b);
            case "/" -> floatOp(op, a, b);
            case "//" -> Math.floorDiv(a, nonZero(b));
            case "%" -> Math.floorMod(a, nonZero(b));
            case "**" -> b >= 0 ? (Object) power(a, b) : (Object) Math.pow(a, b);
            default -> throw new IllegalStateException(op);
        };
    }

    private static long nonZero(long b) {
        if (b == 0) {
            throw new TemplateRuntimeException("ZeroDivisionError: integer division or modulo by zero");
        }
        return b;
    }

    /**
     * {@code base ** exponent} for {@code exponent >= 0} by squaring: at most 63 squarings, so any
     * exponent is instant; a result outside the long range is an {@link ArithmeticException}.
     */
    static long power(long base, long exponent) {
        if (base == 0 || base == 1) {
            return exponent == 0 ? 1 : base;
        }
        if (base == -1) {
            return (exponent & 1) == 0 ? 1 : -1;
        }
        long result = 1;
        long factor = base;
        for (long e = exponent; e > 0; e >>>= 1) {
            if ((e & 1) != 0) {
                result = Math.multiplyExact(result, factor);
            }
            if (e > 1) {
                factor = Math.multiplyExact(factor, factor);
            }
        }
        return result;
    }

    private static Object floatOp(String op, double a, double b) {
        if (b == 0 && (op.equals("/") || op.equals("//") || op.equals("%"))) {
            throw new TemplateRuntimeException("ZeroDivisionError: float division by zero");
        }
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            case "//" -> Math.floor(a / b);
            case "%" -> a - b * Math.floor(a / b);
            case "**" -> Math.pow(a, b);
            default -> throw new IllegalStateException(op);
        };
    }

    private static Object repeat(Object sequence, long times) {
        long n = Math.max(0, times);
        if (sequence instanceof String s) {
            checkLength(repeatedLength(s.length(), n));
            return s.repeat((int) n);
        }
        List<?> list = (List<?>) sequence;
        List<Object> out = new ArrayList<>((int) checkLength(repeatedLength(list.size(), n)));
        for (long i = 0; i < n; i++) {
            out.addAll(list);
        }
        return out;
    }

    /** {@code length * times}, or {@link Long#MAX_VALUE} where the product overflows (beyond every limit anyway). */
    private static long repeatedLength(long length, long times) {
        return length == 0 || times <= Long.MAX_VALUE / length ? length * times : Long.MAX_VALUE;
    }

    static Object negate(Object v) {
        failIfUndefined(v);
        return switch (v) {
            case Double d -> -d;
            case Long l when l != Long.MIN_VALUE -> -l;
            case Boolean b -> b ? -1L : 0L;
            case null, default -> throw new TemplateRuntimeException("TypeError: bad operand type for unary -: '" + typeName(v) + "'");
        };
    }

    /** {@code a + b} for strings, within {@link #MAX_LENGTH}. */
    static String concat(String a, String b) {
        checkLength((long) a.length() + b.length());
        return a + b;
    }

    /** Fails when an operation would build a string or list longer than {@link #MAX_LENGTH}; returns {@code length}. */
    static long checkLength(long length) {
        if (length > MAX_LENGTH || length < 0) {
            throw new TemplateRuntimeException("MemoryError: result longer than " + MAX_LENGTH);
        }
        return length;
    }
}
