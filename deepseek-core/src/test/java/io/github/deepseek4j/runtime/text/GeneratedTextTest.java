package io.github.deepseek4j.runtime.text;

import io.github.deepseek4j.gguf.GgufTokenizers;
import io.github.deepseek4j.testing.SharedData;
import io.github.deepseek4j.tokenizer.Tokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Byte-level BPE splits multi-byte characters across tokens: streamed text must still be whole characters. */
class GeneratedTextTest {

    private static final String TEXT = "Smile 😀🎉 — 世界和平, naïve café ✓ 🇯🇵!";

    private static Tokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        tokenizer = GgufTokenizers.load(SharedData.require("tokenizer/ggml-vocab-deepseek-v3.gguf"));
    }

    @Test
    void streamedDeltasAreAlwaysWholeCharacters() {
        int[] tokens = tokenizer.encode(TEXT, false, false);
        assertThat(splitsACharacter(tokens)).as("the vocabulary splits characters across tokens").isTrue();

        GeneratedText text = new GeneratedText(tokenizer, false, List.of(), new int[0]);
        List<String> deltas = new ArrayList<>();
        for (int t : tokens) {
            deltas.add(text.accept(t));
        }
        deltas.add(text.finish());
        for (String d : deltas) {
            assertThat(d).doesNotContain("\uFFFD");
            assertThat(new String(d.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(d);
        }
        assertThat(String.join("", deltas)).isEqualTo(TEXT).isEqualTo(text.text());
    }

    @Test
    void aStopStringAcrossTokensEndsTheText() {
        int[] tokens = tokenizer.encode("The answer is 42. Next question, please.", false, false);
        GeneratedText text = new GeneratedText(tokenizer, false, List.of("2. Next q"), new int[0]);
        StringBuilder out = new StringBuilder();
        int consumed = 0;
        while (!text.stopped() && consumed < tokens.length) {
            out.append(text.accept(tokens[consumed++]));
        }
        out.append(text.finish());
        assertThat(text.stopped()).isTrue();
        assertThat(out.toString()).isEqualTo("The answer is 4").isEqualTo(text.text());
        assertThat(consumed).isLessThan(tokens.length);
    }

    /** Whether some token is only part of a character (its bytes alone are not valid UTF-8). */
    private static boolean splitsACharacter(int[] tokens) {
        for (int t : tokens) {
            if (new String(tokenizer.pieceBytes(t, false), StandardCharsets.UTF_8).contains("\uFFFD")) {
                return true;
            }
        }
        return false;
    }
}
