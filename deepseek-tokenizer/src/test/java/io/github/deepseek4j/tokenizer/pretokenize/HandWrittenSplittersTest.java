package io.github.deepseek4j.tokenizer.pretokenize;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written splitters give exactly the pieces of the regex patterns they stand for. */
class HandWrittenSplittersTest {

    /** Characters at every boundary the patterns draw: categories, white space, CJK and kana edges, surrogates. */
    private static final int[] INTERESTING = {
        'a', 'Z', 'q', 's', 'S', 't', 'T', 'r', 'R', 'e', 'E', 'v', 'V', 'm', 'M', 'l', 'L', 'd', 'D', 0x130, 0x17F,
        '\'', '\'', '\'', '0', '7', ' ', ' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x1C, 0x1F, 0x7F, 0x85, 0xA0, 0x1680, 0x2000,
        0x200A, 0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF, 0xAD,
        '!', '"', '#', '$', '%', '&', '\'', '(', '*', '+', ',', '-', '.', '/', ':', ';', '<', '=', '>', '?', '@',
        '[', '\\', ']', '^', '_', '`', '{', '|', '}', '~',
        0xB5, 0xC0, 0xE9, 0x1C4, 0x2B0, 0x300, 0x301, 0x488, 0x903, 0x0915, 0x093F, 0x0E01, 0x0E31, 0x17D2,
        0x4E00, 0x4E2D, 0x9FA5, 0x9FA6, 0x3040, 0x3041, 0x3099, 0x309B, 0x309D, 0x309F, 0x30A0, 0x30A1, 0x30FB,
        0x30FC, 0x30FF, 0x3100, 0x3007, 0x3002, 0xFF01, 0xFF5E, 0xFF76, 0xAC00, 0x2026, 0x201C, 0xAB,
        0xBD, 0x663, 0x2160, 0x2460, 0x1D7D8, 0x1F600, 0x1F680, 0x1F1E9, 0x200D, 0xFE0F, 0x1D504, 0x20000,
        0xE000, 0x378, 0x10FFFF, 0xD800, 0xDC00,
    };

    private static List<String> pieces(PreTokenizer pre, String text) {
        List<String> pieces = new ArrayList<>();
        pre.split(text, 0, text.length(), (s, e) -> pieces.add(text.substring(s, e)));
        return pieces;
    }

    private static PreTokenizer named(String name) {
        return PreTokenizer.of(PreTokenizerPatterns.forName(name).orElseThrow());
    }

    @Test
    void areChosenForTheirPatternsOnly() {
        assertThat(named("deepseek-v3")).isInstanceOf(DeepSeekV3Splitter.class);
        assertThat(named("llama-bpe")).isInstanceOf(Llama3Splitter.class);
        assertThat(named("deepseek-r1-qwen")).isInstanceOf(Llama3Splitter.class);
        assertThat(named("deepseek-llm")).isInstanceOf(RegexPreTokenizer.class);
        assertThat(named("gpt-2")).isInstanceOf(RegexPreTokenizer.class);
        for (String name : List.of("deepseek-v3", "llama3", "qwen2")) {
            assertThat(named(name).patterns()).isEqualTo(PreTokenizerPatterns.forName(name).orElseThrow());
        }
    }

    @Test
    void deepSeekV3GivesTheRegexPieces() {
        assertSamePieces(new DeepSeekV3Splitter(), DeepSeekV3Splitter.PATTERNS, 3);
    }

    @Test
    void llama3GivesTheRegexPieces() {
        assertSamePieces(new Llama3Splitter(3), Llama3Splitter.LLAMA3_PATTERNS, 4);
    }

    @Test
    void qwen2GivesTheRegexPieces() {
        assertSamePieces(new Llama3Splitter(1), Llama3Splitter.QWEN2_PATTERNS, 5);
    }

    private static void assertSamePieces(PreTokenizer fast, List<String> patterns, long seed) {
        PreTokenizer regex = new RegexPreTokenizer(patterns);
        Random random = new Random(seed);
        for (int i = 0; i < 15_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                int cp = random.nextInt(8) == 0 ? random.nextInt(0x110000) : INTERESTING[random.nextInt(INTERESTING.length)];
                if (Character.isBmpCodePoint(cp)) {
                    sb.append((char) cp); // lone surrogates too: text from outside may hold them
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            String text = sb.toString();
            assertThat(pieces(fast, text)).as("pieces of %s", escape(text)).isEqualTo(pieces(regex, text));
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return sb.toString();
    }
}
