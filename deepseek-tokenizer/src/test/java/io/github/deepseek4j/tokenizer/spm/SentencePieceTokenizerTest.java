package io.github.deepseek4j.tokenizer.spm;

import io.github.deepseek4j.tokenizer.SpecialTokenIds;
import io.github.deepseek4j.tokenizer.TokenType;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerKind;
import io.github.deepseek4j.tokenizer.Tokenizers;
import io.github.deepseek4j.tokenizer.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentencePieceTokenizerTest {

    /** <unk> <s> </s>, 256 byte tokens (ids 3-258), then pieces with scores. */
    private static Tokenizer tokenizer(String[] pieces, float[] pieceScores) {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<TokenType> types = new ArrayList<>(List.of(TokenType.UNKNOWN, TokenType.CONTROL, TokenType.CONTROL));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(TokenType.BYTE);
        }
        float[] scores = new float[tokens.size() + pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            tokens.add(pieces[i]);
            types.add(TokenType.NORMAL);
            scores[259 + i] = pieceScores[i];
        }
        return Tokenizers.create(new Vocabulary(TokenizerKind.SENTENCE_PIECE, "default", tokens.toArray(String[]::new),
                types.toArray(TokenType[]::new), null, scores, new SpecialTokenIds(1, 2, -1, -1, 0, -1),
                true, false, true));
    }

    @Test
    void mergesByScoreWithALeadingSpaceAndFallsBackToBytes() {
        //                                    259   260   261  262    263   264
        Tokenizer t = tokenizer(new String[] {"▁", "a", "b", "▁a", "ab", "▁ab"}, new float[] {-1, -1, -1, -2, -1, -3});
        // "▁ab": "ab" (-1) beats "▁a" (-2), then "▁ab" (-3) joins the rest
        assertThat(t.encode("ab", false, false)).containsExactly(264);
        assertThat(t.encode("ab", true, false)).containsExactly(1, 264);
        // é has no piece: its UTF-8 bytes C3 A9 become byte tokens
        assertThat(t.encode("é", false, false)).containsExactly(259, 3 + 0xC3, 3 + 0xA9);
        assertThat(t.decode(t.encode("ab é", true, false))).isEqualTo("ab é");
        assertThat(t.encode("", false, false)).isEmpty();
    }

    @Test
    void aSpaceIsAddedAfterSpecialTokensToo() {
        Tokenizer t = tokenizer(new String[] {"▁", "a", "▁a"}, new float[] {-1, -1, -1});
        assertThat(t.encode("a</s>a", false, true)).containsExactly(261, 2, 261);
        assertThat(t.encode("a a", false, false)).containsExactly(261, 261);
    }
}
