package io.github.deepseek4j.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A vocabulary that does not describe a usable tokenizer is refused with a message naming the fault. */
class SpecialCasesTest {

    @Test
    void inconsistentVocabulariesAreRefused() {
        SpecialTokenIds none = SpecialTokenIds.none();
        assertThatThrownBy(() -> new Vocabulary(TokenizerKind.SENTENCE_PIECE, null, new String[] {"a", "b"},
                new TokenType[] {TokenType.NORMAL}, null, null, none, true, false, true))
                .isInstanceOf(TokenizerException.class).hasMessageContaining("token types has 1 entries for 2 tokens");
        assertThatThrownBy(() -> new Vocabulary(TokenizerKind.SENTENCE_PIECE, null, new String[] {"a"}, null, null,
                null, new SpecialTokenIds(5, -1, -1, -1, -1, -1), true, false, true))
                .isInstanceOf(TokenizerException.class).hasMessageContaining("bos token id 5");
        assertThatThrownBy(() -> new Vocabulary(TokenizerKind.SENTENCE_PIECE, null, new String[0], null, null,
                null, none, true, false, true)).isInstanceOf(TokenizerException.class);
        assertThatThrownBy(() -> TokenizerKind.fromGgufName("rwkv")).isInstanceOf(TokenizerException.class)
                .hasMessageContaining("rwkv");
    }

    @Test
    void byteTokensMustBeWellFormed() {
        Vocabulary v = new Vocabulary(TokenizerKind.SENTENCE_PIECE, null, new String[] {"<0xZZ>"},
                new TokenType[] {TokenType.BYTE}, null, new float[1], SpecialTokenIds.none(), false, false, true);
        assertThatThrownBy(() -> Tokenizers.create(v)).isInstanceOf(TokenizerException.class)
                .hasMessageContaining("<0xZZ>");
        assertThatThrownBy(() -> Tokenizers.create(TestVocabularies.byteLevel(null, List.of(), List.of(), List.of(),
                List.of("a "), false))).isInstanceOf(TokenizerException.class).hasMessageContaining("merge 0");
    }
}
