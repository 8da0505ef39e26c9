package io.github.deepseek4j.tokenizer.pretokenize;

import io.github.deepseek4j.tokenizer.TokenizerException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegexPreTokenizerTest {

    private static List<String> split(List<String> patterns, String text) {
        List<String> pieces = new ArrayList<>();
        new RegexPreTokenizer(patterns).split(text, 0, text.length(), (s, e) -> pieces.add(text.substring(s, e)));
        return pieces;
    }

    @Test
    void keepsMatchesAndTheTextBetweenThem() {
        assertThat(split(List.of("\\p{N}+"), "ab12cd3")).containsExactly("ab", "12", "cd", "3");
        assertThat(split(List.of("[\r\n]", "\\p{N}"), "a1\nb")).containsExactly("a", "1", "\n", "b");
        assertThat(split(List.of(), "as is")).containsExactly("as is");
        assertThat(split(List.of("x*"), "abc")).containsExactly("abc"); // empty matches split nothing
    }

    @Test
    void dollarIsOnlyTheEndOfThePiece() {
        // Java's $ also matches before a final line break; the reference dialect's does not
        assertThat(split(List.of("a$"), "a\n")).containsExactly("a\n");
        assertThat(split(List.of("\\s+$"), "x \n")).containsExactly("x", " \n");
        assertThat(RegexPreTokenizer.toJavaRegex("[$]$")).isEqualTo("[$]\\z");
    }

    @Test
    void classesAreReadAsTheReferenceReadsThem() {
        assertThat(split(List.of("[a&&b]+"), "a&b!")).containsExactly("a&b", "!");
        assertThat(split(List.of("[[x]+"), "x[x-")).containsExactly("x[x", "-");
        assertThat(split(List.of("[]a]+"), "]a-")).containsExactly("]a", "-");
    }

    @Test
    void whiteSpaceIsUnicodeAndLookAheadStopsAtThePieceEnd() {
        assertThat(split(List.of("\\s+"), "a\u3000\u00A0b")).containsExactly("a", "\u3000\u00A0", "b");
        // after the first pattern, " " ends its piece, so (?!\S) holds there
        assertThat(split(List.of("\\p{L}+", "\\s+(?!\\S)"), "  x")).containsExactly("  ", "x");
    }

    @Test
    void piecesAlwaysCoverTheText() {
        Random random = new Random(7);
        for (String name : PreTokenizerPatterns.names()) {
            RegexPreTokenizer pre = new RegexPreTokenizer(PreTokenizerPatterns.forName(name).orElseThrow());
            for (int i = 0; i < 20; i++) {
                StringBuilder sb = new StringBuilder();
                for (int k = random.nextInt(30); k > 0; k--) {
                    int cp = random.nextInt(3) == 0 ? random.nextInt(0x80) : random.nextInt(0x30000);
                    if (!Character.isSurrogate((char) cp) || cp > 0xFFFF) {
                        sb.appendCodePoint(cp);
                    }
                }
                String text = sb.toString();
                StringBuilder joined = new StringBuilder();
                pre.split(text, 0, text.length(), (s, e) -> joined.append(text, s, e));
                assertThat(joined.toString()).as(name).isEqualTo(text);
            }
        }
    }

    @Test
    void invalidPatternsAreRefused() {
        assertThatThrownBy(() -> new RegexPreTokenizer(List.of("(unclosed"))).isInstanceOf(TokenizerException.class)
                .hasMessageContaining("(unclosed");
    }
}
