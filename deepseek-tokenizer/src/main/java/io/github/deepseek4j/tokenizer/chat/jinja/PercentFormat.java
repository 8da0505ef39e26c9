package io.github.deepseek4j.tokenizer.chat.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;

/**
 * Python's {@code format % values} for the common conversions ({@code %s %r %d %i %f %%}, with
 * width, precision and the {@code -} flag). A tuple supplies several values, anything else one.
 */
final class PercentFormat {

    private PercentFormat() {
    }

    static String format(String format, Object values) {
        List<?> args = values instanceof Tuple t ? t : Collections.singletonList(values);
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int j = i + 1;
            boolean left = false;
            while (j < format.length() && "-+ 0#".indexOf(format.charAt(j)) >= 0) {
                left |= format.charAt(j) == '-';
                j++;
            }
            int width = 0;
            while (j < format.length() && Character.isDigit(format.charAt(j))) {
                width = Math.min(Integer.MAX_VALUE / 10, width) * 10 + format.charAt(j++) - '0';
            }
            int precision = -1;
            if (j < format.length() && format.charAt(j) == '.') {
                precision = 0;
                while (++j < format.length() && Character.isDigit(format.charAt(j))) {
                    precision = Math.min(Integer.MAX_VALUE / 10, precision) * 10 + format.charAt(j) - '0';
                }
            }
            if (j >= format.length()) {
                throw new TemplateRuntimeException("ValueError: incomplete format");
            }
            char conversion = format.charAt(j);
            i = j;
            if (conversion == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                throw new TemplateRuntimeException("TypeError: not enough arguments for format string");
            }
            Operators.checkLength(Math.max(width, precision));
            String text = convert(conversion, args.get(next++), precision);
            String pad = " ".repeat(Math.max(0, width - Text.length(text)));
            out.append(left ? text + pad : pad + text);
            Operators.checkLength(out.length());
        }
        if (next < args.size()) {
            throw new TemplateRuntimeException("TypeError: not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static String convert(char conversion, Object value, int precision) {
        return switch (conversion) {
            case 's' -> precision >= 0 ? truncate(Values.str(value), precision) : Values.str(value);
            case 'r' -> Values.repr(value);
            case 'd', 'i' -> {
                if (value instanceof Double d) {
                    yield Long.toString(d.longValue());
                }
                yield Long.toString(Values.toLong(value, "%d format"));
            }
            case 'f', 'F' -> {
                if (!Values.isNumber(value)) {
                    throw new TemplateRuntimeException("TypeError: must be real number, not " + Values.typeName(value));
                }
                double d = value instanceof Double x ? x : Values.toLong(value, "%f format");
                yield new BigDecimal(d).setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString();
            }
            default -> throw new TemplateRuntimeException("ValueError: unsupported format character '" + conversion + "'");
        };
    }

    private static String truncate(String s, int codePoints) {
        return Text.length(s) <= codePoints ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
    }
}
