package io.github.deepseek4j.tokenizer.wordpiece;

import io.github.deepseek4j.tokenizer.SpecialTokenIds;
import io.github.deepseek4j.tokenizer.TokenType;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerKind;
import io.github.deepseek4j.tokenizer.Tokenizers;
import io.github.deepseek4j.tokenizer.Vocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordPieceTokenizerTest {

    @Test
    void lowerCasesStripsAccentsSplitsPunctuationAndCoversWordsLongestFirst() {
        String[] tokens = {"[UNK]", "[CLS]", "[SEP]", "▁hello", "▁,", "▁un", "aff", "able", "▁cafe", "▁中"};
        TokenType[] types = new TokenType[tokens.length];
        java.util.Arrays.fill(types, TokenType.NORMAL);
        types[0] = types[1] = types[2] = TokenType.CONTROL;
        Tokenizer t = Tokenizers.create(new Vocabulary(TokenizerKind.WORD_PIECE, "bert-bge", tokens, types, null, null,
                new SpecialTokenIds(1, 2, -1, -1, 0, -1), true, true, false));
        assertThat(t.encode("Hello, UNAFFABLE Café 中!", true, false)).containsExactly(1, 3, 4, 5, 6, 7, 8, 9, 0, 2);
        assertThat(t.encode("unaffablex", false, false)).containsExactly(0);
        assertThat(t.decode(t.encode("hello, cafe", false, false))).isEqualTo("hello , cafe");
    }
}
