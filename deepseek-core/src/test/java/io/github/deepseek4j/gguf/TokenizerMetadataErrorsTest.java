package io.github.deepseek4j.gguf;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokenizer metadata that cannot describe a tokenizer is refused with a message naming the file and key. */
class TokenizerMetadataErrorsTest {

    @TempDir
    Path dir;

    /** A SentencePiece vocabulary of three tokens, edited by {@code change}, written to a file. */
    private Path vocabulary(Consumer<GgufWriter> change) throws IOException {
        GgufWriter w = new GgufWriter()
                .putString(MetadataKey.TOKENIZER_MODEL.key(), "llama")
                .putArray(MetadataKey.TOKENIZER_TOKENS.key(), GgufArray.ofStrings("<unk>", "▁a", "b"))
                .putArray(MetadataKey.TOKENIZER_TOKEN_TYPE.key(), GgufArray.ofInts(2, 1, 1))
                .putArray(MetadataKey.TOKENIZER_SCORES.key(), GgufArray.ofFloats(0, -1, -2))
                .putUint32("tokenizer.ggml.unknown_token_id", 0)
                .putUint32("tokenizer.ggml.bos_token_id", 0xFFFFFFFFL);
        change.accept(w);
        Path path = dir.resolve("vocab.gguf");
        w.write(path);
        return path;
    }

    @Test
    void aValidVocabularyLoads() throws IOException {
        Tokenizer t = GgufTokenizers.load(vocabulary(w -> { }));
        assertThat(t.encode("ab", true, false)).containsExactly(1, 2);
        assertThat(t.bosId()).isEqualTo(-1);
    }

    @Test
    void badMetadataIsNamed() {
        assertThatThrownBy(() -> GgufTokenizers.load(vocabulary(w -> w.putString(MetadataKey.TOKENIZER_MODEL.key(), "rwkv"))))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("vocab.gguf").hasMessageContaining("rwkv");
        assertThatThrownBy(() -> GgufTokenizers.load(vocabulary(w -> w.putArray(MetadataKey.TOKENIZER_TOKEN_TYPE.key(), GgufArray.ofInts(1, 1)))))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining(MetadataKey.TOKENIZER_TOKEN_TYPE.key());
        assertThatThrownBy(() -> GgufTokenizers.load(vocabulary(w -> w.putArray(MetadataKey.TOKENIZER_TOKEN_TYPE.key(), GgufArray.ofInts(1, 1, 42)))))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("element 2 = 42");
        assertThatThrownBy(() -> GgufTokenizers.load(vocabulary(w -> w.putArray(MetadataKey.TOKENIZER_SCORES.key(), GgufArray.ofFloats(1)))))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining(MetadataKey.TOKENIZER_SCORES.key());
        assertThatThrownBy(() -> GgufTokenizers.load(vocabulary(w -> w.putUint32("tokenizer.ggml.eos_token_id", 3))))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("tokenizer.ggml.eos_token_id");
        assertThatThrownBy(() -> GgufTokenizers.load(vocabulary(w -> w.putString(MetadataKey.TOKENIZER_MODEL.key(), "gpt2"))))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining(MetadataKey.TOKENIZER_MERGES.key());
    }

    @Test
    void unknownPreTokenizerNeedsConsent() throws IOException {
        Path path = vocabulary(w -> w.putString(MetadataKey.TOKENIZER_MODEL.key(), "gpt2").putString(MetadataKey.TOKENIZER_PRE.key(), "future-llm")
                .putArray(MetadataKey.TOKENIZER_MERGES.key(), GgufArray.ofStrings()));
        assertThatThrownBy(() -> GgufTokenizers.load(path)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("future-llm");
        try (GgufFile gguf = GgufFile.open(path)) {
            assertThat(GgufTokenizers.load(gguf, TokenizerOptions.allowDefaultPreTokenizer()).vocabularySize()).isEqualTo(3);
        }
    }
}
