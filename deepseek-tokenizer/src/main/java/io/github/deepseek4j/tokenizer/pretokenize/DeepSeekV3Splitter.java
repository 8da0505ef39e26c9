package io.github.deepseek4j.tokenizer.pretokenize;

import java.util.List;

/**
 * The DeepSeek-V3 split patterns written out by hand, giving the same pieces as
 * {@link RegexPreTokenizer} over {@link #PATTERNS} (a property test holds them together) in one
 * pass without a regex engine. The three patterns, applied in turn:
 * <ol>
 *   <li>{@code \p{N}{1,3}}: numbers in chunks of up to three digits;</li>
 *   <li>{@code [一-龥぀-ゟ゠-ヿ]+}: runs of CJK ideographs, hiragana and katakana;</li>
 *   <li>{@code [ASCII punctuation][A-Za-z]+ | [^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+ | ?[\p{P}\p{S}]+[\r\n]*
 *       | \s*[\r\n]+ | \s+(?!\S) | \s+}, with \s meaning Unicode White_Space.</li>
 * </ol>
 * Text no alternative matches stays a piece of its own, as between regex matches.
 */
final class DeepSeekV3Splitter implements PreTokenizer {

    static final List<String> PATTERNS = PreTokenizerPatterns.DEEPSEEK_V3;

    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    @Override
    public List<String> patterns() {
        return PATTERNS;
    }

    @Override
    public void split(String text, int start, int end, PieceSink sink) {
        // pattern 1: runs of numbers, cut every three code points
        int pos = start;
        int gap = start;
        while (pos < end) {
            int cp = text.codePointAt(pos);
            if (!isNumber(cp)) {
                pos += Character.charCount(cp);
                continue;
            }
            splitCjk(text, gap, pos, sink);
            int chunk = pos;
            int count = 0;
            while (pos < end && isNumber(cp = text.codePointAt(pos))) {
                pos += Character.charCount(cp);
                if (++count == 3) {
                    splitWords(text, chunk, pos, sink);
                    chunk = pos;
                    count = 0;
                }
            }
            if (count > 0) {
                splitWords(text, chunk, pos, sink);
            }
            gap = pos;
        }
        splitCjk(text, gap, end, sink);
    }

    /** Pattern 2 over one piece, then pattern 3 over each resulting piece. */
    private static void splitCjk(String text, int start, int end, PieceSink sink) {
        int pos = start;
        int gap = start;
        while (pos < end) {
            int cp = text.codePointAt(pos);
            if (!isCjk(cp)) {
                pos += Character.charCount(cp);
                continue;
            }
            splitWords(text, gap, pos, sink);
            int run = pos;
            while (pos < end && isCjk(cp = text.codePointAt(pos))) {
                pos += Character.charCount(cp);
            }
            splitWords(text, run, pos, sink);
            gap = pos;
        }
        splitWords(text, gap, end, sink);
    }

    /** Pattern 3 over one piece: the first alternative matching at the leftmost position wins. */
    private static void splitWords(String text, int start, int end, PieceSink sink) {
        int gap = start;
        int pos = start;
        while (pos < end) {
            int match = matchAt(text, pos, end);
            if (match < 0) {
                pos += Character.charCount(text.codePointAt(pos));
                continue;
            }
            if (pos > gap) {
                sink.piece(gap, pos);
            }
            sink.piece(pos, match);
            pos = match;
            gap = match;
        }
        if (end > gap) {
            sink.piece(gap, end);
        }
    }

    /** The end of pattern 3's match at {@code pos}, or -1 when no alternative matches there. */
    private static int matchAt(String text, int pos, int end) {
        int c = text.codePointAt(pos);
        int next = pos + Character.charCount(c);
        int d = next < end ? text.codePointAt(next) : -1;
        // [ASCII punctuation][A-Za-z]+
        if (c < 0x80 && ASCII_PUNCTUATION.indexOf(c) >= 0 && isAsciiLetter(d)) {
            return skipAsciiLetters(text, next, end);
        }
        // [^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+
        if (isLetterOrMark(c)) {
            return skipLettersAndMarks(text, pos, end);
        }
        if (c != '\r' && c != '\n' && !isLetter(c) && !isPunctuationOrSymbol(c) && d >= 0 && isLetterOrMark(d)) {
            return skipLettersAndMarks(text, next, end);
        }
        // " ?[\p{P}\p{S}]+[\r\n]*"
        if (c == ' ' && d >= 0 && isPunctuationOrSymbol(d)) {
            return skipLineBreaks(text, skipPunctuationAndSymbols(text, next, end), end);
        }
        if (isPunctuationOrSymbol(c)) {
            return skipLineBreaks(text, skipPunctuationAndSymbols(text, pos, end), end);
        }
        if (!isWhiteSpace(c)) {
            return -1;
        }
        // \s*[\r\n]+ : white space up to and including its last line break
        int run = pos;
        int lastBreak = -1;
        while (run < end && isWhiteSpace(c = text.codePointAt(run))) {
            if (c == '\r' || c == '\n') {
                lastBreak = run;
            }
            run += Character.charCount(c);
        }
        if (lastBreak >= 0) {
            return lastBreak + 1;
        }
        // \s+(?!\S) leaves the last space for the word after it; \s+ takes a lone one
        if (run == end) {
            return run;
        }
        int beforeLast = text.offsetByCodePoints(run, -1);
        return beforeLast > pos ? beforeLast : run;
    }

    private static int skipAsciiLetters(String text, int pos, int end) {
        while (pos < end && isAsciiLetter(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static int skipLettersAndMarks(String text, int pos, int end) {
        int c;
        while (pos < end && isLetterOrMark(c = text.codePointAt(pos))) {
            pos += Character.charCount(c);
        }
        return pos;
    }

    private static int skipPunctuationAndSymbols(String text, int pos, int end) {
        int c;
        while (pos < end && isPunctuationOrSymbol(c = text.codePointAt(pos))) {
            pos += Character.charCount(c);
        }
        return pos;
    }

    private static int skipLineBreaks(String text, int pos, int end) {
        while (pos < end && (text.charAt(pos) == '\r' || text.charAt(pos) == '\n')) {
            pos++;
        }
        return pos;
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNumber(int cp) {
        if (cp < 0x80) {
            return cp >= '0' && cp <= '9';
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FA5) || (cp >= 0x3040 && cp <= 0x30FF);
    }

    private static boolean isLetter(int cp) {
        if (cp < 0x80) {
            return isAsciiLetter(cp);
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER -> true;
            default -> false;
        };
    }

    private static boolean isLetterOrMark(int cp) {
        if (cp < 0x80) {
            return isAsciiLetter(cp);
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }

    private static boolean isPunctuationOrSymbol(int cp) {
        if (cp < 0x80) {
            return cp < 0x7F && ASCII_PUNCTUATION.indexOf(cp) >= 0;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** Unicode White_Space, as {@code \s} under {@code UNICODE_CHARACTER_CLASS}. */
    private static boolean isWhiteSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }
}
