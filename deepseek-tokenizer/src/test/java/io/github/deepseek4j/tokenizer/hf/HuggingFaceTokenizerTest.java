package io.github.deepseek4j.tokenizer.hf;

import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerException;
import io.github.deepseek4j.tokenizer.bpe.ByteLevelAlphabet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HuggingFaceTokenizerTest {

    @TempDir
    Path dir;

    /** 256 byte tokens, "ab" (256) and "Ġab" (257), an added special token (258). */
    private static Map<String, Object> tokenizerJson() {
        Map<String, Object> vocab = new LinkedHashMap<>();
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(ByteLevelAlphabet.charOf(b)), (long) b);
        }
        vocab.put("ab", 256L);
        vocab.put("Ġab", 257L);
        Map<String, Object> model = new LinkedHashMap<>(Map.of("type", "BPE", "vocab", vocab,
                "merges", List.of("a b", List.of("Ġ", "ab"))));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("added_tokens", List.of(Map.of("id", 258L, "content", "<|end|>", "special", true)));
        json.put("normalizer", null);
        json.put("pre_tokenizer", Map.of("type", "Sequence", "pretokenizers", List.of(
                Map.of("type", "Split", "pattern", Map.of("Regex", "\\p{N}"), "behavior", "Isolated", "invert", false),
                Map.of("type", "ByteLevel", "add_prefix_space", false, "use_regex", true))));
        json.put("model", model);
        return json;
    }

    private Tokenizer load(Map<String, Object> json, String config) throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), Json.write(json));
        if (config != null) {
            Files.writeString(dir.resolve("tokenizer_config.json"), config);
        }
        return HuggingFaceTokenizer.load(dir);
    }

    @Test
    void loadsBpeWithSplitAndByteLevelSteps() throws IOException {
        Tokenizer t = load(tokenizerJson(), "{\"add_bos_token\": false, \"add_eos_token\": true, \"eos_token\": {\"content\": \"<|end|>\"}}");
        assertThat(t.vocabularySize()).isEqualTo(259);
        assertThat(t.encode("ab ab1<|end|>", true, true)).containsExactly(256, 257, '1', 258, 258);
        assertThat(t.eosId()).isEqualTo(258);
        assertThat(t.decode(t.encode("ab ab1", false, false))).isEqualTo("ab ab1");
    }

    @Test
    void refusesWhatItCannotReproduce() throws IOException {
        Map<String, Object> normalizer = tokenizerJson();
        normalizer.put("normalizer", Map.of("type", "NFC"));
        assertThatThrownBy(() -> load(normalizer, null)).isInstanceOf(TokenizerException.class).hasMessageContaining("NFC");

        Map<String, Object> removed = tokenizerJson();
        removed.put("pre_tokenizer", Map.of("type", "Split", "pattern", Map.of("Regex", " "), "behavior", "Removed"));
        assertThatThrownBy(() -> load(removed, null)).isInstanceOf(TokenizerException.class).hasMessageContaining("Removed");

        Map<String, Object> sparse = tokenizerJson();
        sparse.put("added_tokens", List.of(Map.of("id", 2_000_000_000L, "content", "x", "special", true)));
        assertThatThrownBy(() -> load(sparse, null)).isInstanceOf(TokenizerException.class).hasMessageContaining("dense");

        assertThatThrownBy(() -> load(tokenizerJson(), "{\"bos_token\": \"<nope>\"}"))
                .isInstanceOf(TokenizerException.class).hasMessageContaining("<nope>");
        assertThatThrownBy(() -> load(Map.of("model", Map.of("type", "WordPiece")), null))
                .isInstanceOf(TokenizerException.class).hasMessageContaining("WordPiece");
    }
}
