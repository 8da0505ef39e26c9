package io.github.deepseek4j.tokenizer.pretokenize;

import io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.Run;

import java.util.List;

import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.ASCII_PUNCTUATION;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.isAsciiLetter;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.isLetter;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.isLetterOrMark;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.isNumber;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.isPunctuationOrSymbol;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.isWhiteSpace;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.matchWhiteSpace;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.skip;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.skipLineBreaks;

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
            return skip(Run.LETTERS_AND_MARKS, text, pos, end);
        }
        if (c != '\r' && c != '\n' && !isLetter(c) && !isPunctuationOrSymbol(c) && d >= 0 && isLetterOrMark(d)) {
            return skip(Run.LETTERS_AND_MARKS, text, next, end);
        }
        // " ?[\p{P}\p{S}]+[\r\n]*"
        if (c == ' ' && d >= 0 && isPunctuationOrSymbol(d)) {
            return skipLineBreaks(text, skip(Run.PUNCTUATION_AND_SYMBOLS, text, next, end), end);
        }
        if (isPunctuationOrSymbol(c)) {
            return skipLineBreaks(text, skip(Run.PUNCTUATION_AND_SYMBOLS, text, pos, end), end);
        }
        return isWhiteSpace(c) ? matchWhiteSpace(text, pos, end) : -1;
    }

    private static int skipAsciiLetters(String text, int pos, int end) {
        while (pos < end && isAsciiLetter(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** The ranges of pattern 2: CJK ideographs up to U+9FA5, hiragana and katakana. */
    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FA5) || (cp >= 0x3040 && cp <= 0x30FF);
    }
}
