package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.ArrayList;
import java.util.List;

/** Python's string operations (white space, strip, split, code-point indexing) on Java strings. */
final class Text {

    private Text() {
    }

    /** Python's {@code str.isspace} for one code point. */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    static String stripTrailing(String s) {
        return strip(s, null, false, true);
    }

    /** Python's strip/lstrip/rstrip: {@code chars == null} strips white space. */
    static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && stripped(s.codePointAt(start), chars)) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (right && end > start && stripped(s.codePointBefore(end), chars)) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? isSpace(cp) : chars.indexOf(Character.toString(cp)) >= 0;
    }

    /** Python's {@code str.split(sep, maxsplit)}; a null separator splits on runs of white space. */
    static List<Object> split(String s, String sep, long maxSplit) {
        List<Object> parts = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            while (true) {
                while (i < s.length() && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    return parts;
                }
                if (maxSplit >= 0 && parts.size() == maxSplit) {
                    parts.add(strip(s.substring(i), null, false, true));
                    return parts;
                }
                int j = i;
                while (j < s.length() && !isSpace(s.charAt(j))) {
                    j++;
                }
                parts.add(s.substring(i, j));
                i = j;
            }
        }
        if (sep.isEmpty()) {
            throw new TemplateRuntimeException("ValueError: empty separator");
        }
        int from = 0;
        for (int at = s.indexOf(sep); at >= 0 && (maxSplit < 0 || parts.size() < maxSplit); at = s.indexOf(sep, from)) {
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** Python's {@code str.rsplit(sep, maxsplit)} for a non-null separator. */
    static List<Object> rsplit(String s, String sep, long maxSplit) {
        if (sep == null || maxSplit < 0) {
            return split(s, sep, maxSplit);
        }
        if (sep.isEmpty()) {
            throw new TemplateRuntimeException("ValueError: empty separator");
        }
        List<Object> parts = new ArrayList<>();
        int end = s.length();
        for (int at = s.lastIndexOf(sep, end - sep.length()); at >= 0 && parts.size() < maxSplit;
                at = s.lastIndexOf(sep, end - sep.length())) {
            parts.addFirst(s.substring(at + sep.length(), end));
            end = at;
        }
        parts.addFirst(s.substring(0, end));
        return parts;
    }

    /** Python's {@code str.splitlines(keepends)}. */
    static List<Object> splitLines(String s, boolean keepEnds) {
        List<Object> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029".indexOf(c) < 0) {
                continue;
            }
            int end = i;
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i++;
            }
            lines.add(s.substring(start, keepEnds ? i + 1 : end));
            start = i + 1;
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                .append(s.substring(Character.charCount(first)).toLowerCase()).toString();
    }

    /** Python's {@code str.title}: upper-cases the first letter of every run of letters. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean letter = Character.isLetter(cp);
            out.appendCodePoint(letter ? (previousCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp)) : cp);
            previousCased = letter;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Orders strings by code point, as Python does (UTF-16 order differs above U+FFFF). */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The code points of {@code s} as one-character strings, as Python iterates a string. */
    static List<Object> characters(String s) {
        List<Object> chars = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> chars.add(Character.toString(cp)));
        return chars;
    }

    /** {@code separator.join(parts)} within {@link Operators#MAX_LENGTH}. */
    static String join(String separator, List<String> parts) {
        long total = (long) separator.length() * Math.max(0, parts.size() - 1);
        for (String part : parts) {
            total += part.length();
        }
        Operators.checkLength(total);
        return String.join(separator, parts);
    }

    /** Python's {@code str.replace(old, new, count)}; a negative count replaces all. */
    static String replace(String s, String old, String replacement, long count) {
        StringBuilder out = new StringBuilder();
        long n = 0;
        if (old.isEmpty()) {
            // Python inserts the replacement before every character and at the end
            long slots = length(s) + 1L;
            long inserts = count < 0 ? slots : Math.min(count, slots);
            Operators.checkLength(s.length() + inserts * replacement.length());
            for (int i = 0; i < s.length(); ) {
                if (n++ < inserts) {
                    out.append(replacement);
                }
                int cp = s.codePointAt(i);
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            return n < inserts ? out.append(replacement).toString() : out.toString();
        }
        int from = 0;
        for (int at = s.indexOf(old); at >= 0 && (count < 0 || n++ < count); at = s.indexOf(old, from)) {
            out.append(s, from, at).append(replacement);
            Operators.checkLength(out.length());
            from = at + old.length();
        }
        return out.append(s.substring(from)).toString();
    }
}
