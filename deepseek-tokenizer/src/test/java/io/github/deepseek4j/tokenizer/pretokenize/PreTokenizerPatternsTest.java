package io.github.deepseek4j.tokenizer.pretokenize;

import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PreTokenizerPatternsTest {

    @Test
    @SuppressWarnings("unchecked")
    void tableEqualsTheReference() throws IOException {
        Map<String, Object> reference = (Map<String, Object>) ((Map<String, Object>) Json.parse(
                Files.readString(SharedData.require("reference/pretokenizers.json")))).get("patterns");
        assertThat(PreTokenizerPatterns.names()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        reference.forEach((name, patterns) ->
                assertThat(PreTokenizerPatterns.forName(name)).as(name).contains((java.util.List<String>) patterns));
    }

    @Test
    void everyPatternCompiles() {
        for (String name : PreTokenizerPatterns.names()) {
            new RegexPreTokenizer(PreTokenizerPatterns.forName(name).orElseThrow());
        }
        assertThat(PreTokenizerPatterns.forName("nope")).isEmpty();
        assertThat(PreTokenizerPatterns.ignoresMerges("llama-bpe")).isTrue();
        assertThat(PreTokenizerPatterns.ignoresMerges("deepseek-v3")).isFalse();
    }
}
