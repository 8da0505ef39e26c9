package io.github.deepseek4j.tokenizer.chat.jinja;

/** Decodes the backslash escapes of a template string literal the way Python's unicode-escape does. */
final class StringEscapes {

    private StringEscapes() {
    }

    /**
     * Decodes the escape whose backslash precedes {@code pos} into {@code out}; returns the position
     * after it. Unknown escapes keep their backslash, as in Python.
     */
    static int decode(String src, int pos, StringBuilder out, int line) {
        char e = src.charAt(pos);
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case 'a' -> out.append('\u0007');
            case '\\', '\'', '"' -> out.append(e);
            case '\n' -> {
                // a backslash-newline continues the literal without a newline
            }
            case 'x' -> {
                return hex(src, pos + 1, 2, out, line);
            }
            case 'u' -> {
                return hex(src, pos + 1, 4, out, line);
            }
            case 'U' -> {
                return hex(src, pos + 1, 8, out, line);
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int end = pos;
                    while (end < src.length() && end < pos + 3 && src.charAt(end) >= '0' && src.charAt(end) <= '7') {
                        end++;
                    }
                    out.appendCodePoint(Integer.parseInt(src.substring(pos, end), 8));
                    return end;
                }
                out.append('\\').append(e);
            }
        }
        return pos + 1;
    }

    private static int hex(String src, int start, int digits, StringBuilder out, int line) {
        if (start + digits > src.length()) {
            throw new TemplateSyntaxException("truncated \\x/\\u escape in string", line);
        }
        try {
            int cp = Integer.parseInt(src.substring(start, start + digits), 16);
            if (!Character.isValidCodePoint(cp)) {
                throw new TemplateSyntaxException("escape out of Unicode range in string", line);
            }
            out.appendCodePoint(cp);
        } catch (NumberFormatException ex) {
            throw new TemplateSyntaxException("bad \\x/\\u escape in string", line);
        }
        return start + digits;
    }
}
