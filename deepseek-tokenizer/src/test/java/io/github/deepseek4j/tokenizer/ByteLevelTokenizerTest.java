package io.github.deepseek4j.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.deepseek4j.tokenizer.TestVocabularies.byteId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteLevelTokenizerTest {

    private static Tokenizer tokenizer(List<String> extra, List<String> merges) {
        return Tokenizers.create(TestVocabularies.byteLevel("gpt-2", extra, List.of(), List.of(), merges, false));
    }

    @Test
    void mergesTheLowestRankFirst() {
        // "b c" outranks "a b": abc -> a + bc, and "a bc" has no merge
        Tokenizer t = tokenizer(List.of("ab", "bc", "abc"), List.of("b c", "a b", "ab c"));
        assertThat(t.encode("abc", false, false)).containsExactly(byteId('a'), 257);
        Tokenizer other = tokenizer(List.of("ab", "bc", "abc"), List.of("a b", "b c", "ab c"));
        assertThat(other.encode("abc", false, false)).containsExactly(258);
    }

    @Test
    void equalRanksMergeLeftmostFirst() {
        Tokenizer t = tokenizer(List.of("aa"), List.of("a a"));
        assertThat(t.encode("aaa", false, false)).containsExactly(256, byteId('a'));
        assertThat(t.encode("aaaa", false, false)).containsExactly(256, 256);
    }

    @Test
    void aMergeProductMissingFromTheVocabularyFallsBackToBytes() {
        Tokenizer t = tokenizer(List.of(), List.of("x y"));
        assertThat(t.encode("xy", false, false)).containsExactly(byteId('x'), byteId('y'));
    }

    @Test
    void piecesAreSplitBeforeMerging() {
        // the GPT-2 pattern keeps " b" apart from "a", so "a b" never sees the pair (a, Ġ)
        Tokenizer t = tokenizer(List.of("aĠ", "Ġb"), List.of("a Ġ", "Ġ b"));
        assertThat(t.encode("a b", false, false)).containsExactly(byteId('a'), 257);
        assertThat(t.decode(t.encode("a b", false, false))).isEqualTo("a b");
    }

    @Test
    void malformedMergesAreRejected() {
        assertThatThrownBy(() -> tokenizer(List.of(), List.of("ab"))).isInstanceOf(TokenizerException.class)
                .hasMessageContaining("merge 0 'ab'");
    }

    @Test
    void unknownPreTokenizerIsAnErrorUnlessAllowed() {
        Vocabulary v = TestVocabularies.byteLevel("brand-new", List.of(), List.of(), List.of(), List.of(), false);
        assertThatThrownBy(() -> Tokenizers.create(v)).isInstanceOf(UnknownPreTokenizerException.class)
                .hasMessageContaining("brand-new");
        Tokenizer lenient = Tokenizers.create(v, TokenizerOptions.allowDefaultPreTokenizer());
        assertThat(lenient.decode(lenient.encode("it works 123", false, false))).isEqualTo("it works 123");
    }

    @Test
    void controlTokensAreParsedOnlyWhenAskedUserDefinedAlways() {
        Vocabulary v = TestVocabularies.byteLevel("gpt-2", List.of("<s>", "</s>", "<|EOT|>", "<|EOT|>x"),
                List.of("<s>", "</s>"), List.of("<|EOT|>", "<|EOT|>x"), List.of(), true);
        Tokenizer t = Tokenizers.create(v);
        assertThat(t.encode("a</s>", true, true)).containsExactly(256, byteId('a'), 257);
        assertThat(t.encode("a</s>", false, false)).containsExactly(byteId('a'), byteId('<'), byteId('/'),
                byteId('s'), byteId('>'));
        // the longest user-defined token wins, and it is matched without parseSpecial
        assertThat(t.encode("<|EOT|>x<|EOT|>", false, false)).containsExactly(259, 258);
        assertThat(t.decode(new int[] {256, byteId('a'), 257})).isEqualTo("a");
        assertThat(t.decode(new int[] {256, byteId('a'), 257}, true)).isEqualTo("<s>a</s>");
        assertThat(t.bosId()).isEqualTo(256);
        assertThat(t.eosId()).isEqualTo(257);
        assertThat(t.eotId()).isEqualTo(258);
        assertThat(t.isEndOfGeneration(257)).isTrue();
        assertThat(t.isEndOfGeneration(258)).isTrue();
        assertThat(t.isEndOfGeneration(256)).isFalse();
        assertThat(t.isEndOfGeneration(-1)).isFalse();
    }

    @Test
    void decodingReplacesBrokenUtf8() {
        Tokenizer t = tokenizer(List.of(), List.of());
        assertThat(t.decode(new int[] {0xE4, 0xB8})).isEqualTo("\uFFFD");
        assertThat(t.decode(t.encode("中文 🦙", false, false))).isEqualTo("中文 🦙");
    }
}
