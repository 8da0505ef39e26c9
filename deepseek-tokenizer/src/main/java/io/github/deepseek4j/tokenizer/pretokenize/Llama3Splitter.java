package io.github.deepseek4j.tokenizer.pretokenize;

import io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.Run;

import java.util.List;

import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.isLetter;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.isNumber;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.matchWhiteSpace;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.skip;
import static io.github.deepseek4j.tokenizer.pretokenize.UnicodeClasses.skipLineBreaks;

/**
 * The LLaMA 3 split pattern written out by hand (DeepSeek-R1-Distill-Llama), and Qwen 2's, which
 * differs only in taking digits one at a time (DeepSeek-R1-Distill-Qwen):
 * {@code (?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD]) | [^\r\n\p{L}\p{N}]?\p{L}+ | \p{N}{1,3}
 * | ?[^\s\p{L}\p{N}]+[\r\n]* | \s*[\r\n]+ | \s+(?!\S) | \s+}. Every character starts some
 * alternative, so the pieces are exactly the matches. A property test holds it to the regex.
 */
final class Llama3Splitter implements PreTokenizer {

    static final List<String> LLAMA3_PATTERNS = PreTokenizerPatterns.forName("llama3").orElseThrow();
    static final List<String> QWEN2_PATTERNS = PreTokenizerPatterns.forName("qwen2").orElseThrow();

    private final int maxDigits;

    /** @param maxDigits how many digits a number piece holds at most: 3 for LLaMA 3, 1 for Qwen 2 */
    Llama3Splitter(int maxDigits) {
        this.maxDigits = maxDigits;
    }

    @Override
    public List<String> patterns() {
        return maxDigits == 1 ? QWEN2_PATTERNS : LLAMA3_PATTERNS;
    }

    @Override
    public void split(String text, int start, int end, PieceSink sink) {
        int pos = start;
        while (pos < end) {
            int match = matchAt(text, pos, end);
            sink.piece(pos, match);
            pos = match;
        }
    }

    private int matchAt(String text, int pos, int end) {
        int c = text.codePointAt(pos);
        int next = pos + Character.charCount(c);
        int d = next < end ? text.codePointAt(next) : -1;
        // '[sS] | '[tT] | '[rR][eE] | '[vV][eE] | '[mM] | '[lL][lL] | '[dD]
        if (c == '\'' && d >= 0) {
            int contraction = contractionEnd(text, next, end);
            if (contraction > 0) {
                return contraction;
            }
        }
        // [^\r\n\p{L}\p{N}]?\p{L}+
        if (isLetter(c)) {
            return skip(Run.LETTERS, text, pos, end);
        }
        if (c != '\r' && c != '\n' && !isNumber(c) && d >= 0 && isLetter(d)) {
            return skip(Run.LETTERS, text, next, end);
        }
        // \p{N}{1,maxDigits}
        if (isNumber(c)) {
            int digits = 1;
            while (next < end && digits < maxDigits && isNumber(c = text.codePointAt(next))) {
                next += Character.charCount(c);
                digits++;
            }
            return next;
        }
        // " ?[^\s\p{L}\p{N}]+[\r\n]*"
        if (c == ' ' && d >= 0 && Run.OTHERS.contains(d)) {
            return skipLineBreaks(text, skip(Run.OTHERS, text, next, end), end);
        }
        if (Run.OTHERS.contains(c)) {
            return skipLineBreaks(text, skip(Run.OTHERS, text, pos, end), end);
        }
        return matchWhiteSpace(text, pos, end);
    }

    /** The end of a contraction whose letters start at {@code pos} (after the apostrophe), or -1. */
    private static int contractionEnd(String text, int pos, int end) {
        int a = asciiLower(text.charAt(pos));
        if (a == 's' || a == 't' || a == 'm' || a == 'd') {
            return pos + 1;
        }
        int b = pos + 1 < end ? asciiLower(text.charAt(pos + 1)) : 0;
        if ((a == 'r' || a == 'v') && b == 'e' || a == 'l' && b == 'l') {
            return pos + 2;
        }
        return -1;
    }

    private static int asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
