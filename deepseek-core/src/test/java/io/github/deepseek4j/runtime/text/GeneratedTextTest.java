package io.github.deepseek4j.runtime.text;

import io.github.deepseek4j.gguf.GgufTokenizers;
import io.github.deepseek4j.testing.SharedData;
import io.github.deepseek4j.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Byte-level BPE splits multi-byte characters across tokens: streamed text must still be whole characters. */
class GeneratedTextTest {

    private static final String TEXT = "Smile 😀🎉 — 世界和平, naïve café ✓ 🇯🇵!";

    @Test
    void streamedDeltasAreAlwaysWholeCharacters() throws Exception {
        Tokenizer tokenizer = GgufTokenizers.load(SharedData.require("tokenizer/ggml-vocab-deepseek-v3.gguf"));
        int[] tokens = tokenizer.encode(TEXT, false, false);
        assertThat(splitsACharacter(tokenizer, tokens)).as("the vocabulary splits characters across tokens").isTrue();

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
    void aStopStringAcrossTokensEndsTheText() throws Exception {
        Tokenizer tokenizer = GgufTokenizers.load(SharedData.require("tokenizer/ggml-vocab-deepseek-v3.gguf"));
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

    private static boolean splitsACharacter(Tokenizer tokenizer, int[] tokens) {
        for (int t : tokens) {
            byte[] piece = tokenizer.pieceBytes(t, false);
            if (!new String(piece, StandardCharsets.UTF_8).equals(new String(piece, StandardCharsets.UTF_8).strip())
                    || new String(piece, StandardCharsets.UTF_8).contains("\uFFFD")) {
                return true;
            }
        }
        return false;
    }
}
