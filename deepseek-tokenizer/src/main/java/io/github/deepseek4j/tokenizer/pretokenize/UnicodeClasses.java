package io.github.deepseek4j.tokenizer.pretokenize;

/**
 * The character classes of the split patterns ({@code \p{L}}, {@code \p{N}}, {@code \p{P}},
 * {@code \p{S}}, {@code \p{M}}, {@code \s} as Unicode White_Space) and the white-space tail
 * the patterns share, for the hand-written splitters.
 */
final class UnicodeClasses {

    /** ASCII's punctuation and symbols: exactly its \p{P} and \p{S} characters. */
    static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** The classes the patterns take runs of. */
    enum Run {
        LETTERS, LETTERS_AND_MARKS, PUNCTUATION_AND_SYMBOLS,
        /** Neither white space, letter nor number ({@code [^\s\p{L}\p{N}]}). */
        OTHERS;

        boolean contains(int cp) {
            return switch (this) {
                case LETTERS -> isLetter(cp);
                case LETTERS_AND_MARKS -> isLetterOrMark(cp);
                case PUNCTUATION_AND_SYMBOLS -> isPunctuationOrSymbol(cp);
                case OTHERS -> !isWhiteSpace(cp) && !isLetter(cp) && !isNumber(cp);
            };
        }
    }

    private UnicodeClasses() {
    }

    /** The end of the run of {@code run} characters starting at {@code pos} ({@code pos} itself when none). */
    static int skip(Run run, String text, int pos, int end) {
        int c;
        while (pos < end && run.contains(c = text.codePointAt(pos))) {
            pos += Character.charCount(c);
        }
        return pos;
    }

    /**
     * The end of {@code \s*[\r\n]+|\s+(?!\S)|\s+} matched at {@code pos}, where white space starts:
     * the white space up to its last line break if it has one, else all of it when the piece ends
     * there, else all but its last character (left for the word after it) unless that is all.
     */
    static int matchWhiteSpace(String text, int pos, int end) {
        int run = pos;
        int lastBreak = -1;
        int c;
        while (run < end && isWhiteSpace(c = text.codePointAt(run))) {
            if (c == '\r' || c == '\n') {
                lastBreak = run;
            }
            run += Character.charCount(c);
        }
        if (lastBreak >= 0) {
            return lastBreak + 1;
        }
        if (run == end) {
            return run;
        }
        int beforeLast = text.offsetByCodePoints(run, -1);
        return beforeLast > pos ? beforeLast : run;
    }

    /** The end of a run of line breaks ({@code [\r\n]*}) starting at {@code pos}. */
    static int skipLineBreaks(String text, int pos, int end) {
        while (pos < end && (text.charAt(pos) == '\r' || text.charAt(pos) == '\n')) {
            pos++;
        }
        return pos;
    }

    static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNumber(int cp) {
        if (cp < 0x80) {
            return cp >= '0' && cp <= '9';
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }


    static boolean isLetter(int cp) {
        if (cp < 0x80) {
            return isAsciiLetter(cp);
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER -> true;
            default -> false;
        };
    }

    static boolean isLetterOrMark(int cp) {
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

    static boolean isPunctuationOrSymbol(int cp) {
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
    static boolean isWhiteSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }
}
