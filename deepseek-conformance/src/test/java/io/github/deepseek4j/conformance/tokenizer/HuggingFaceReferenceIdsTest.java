package io.github.deepseek4j.conformance.tokenizer;

import io.github.deepseek4j.testing.SharedData;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.hf.HuggingFaceTokenizer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DeepSeek-V3's tokenizer.json gives the ids Hugging Face's own tokenizers library gives on 400
 * random mixed-script texts (scripts, emoji, white space of every kind, digits, punctuation next to
 * {@code ~}, user-defined tokens). The expected ids in {@code deepseek-v3-hf-reference.out} were
 * produced once by the Rust tokenizers library (through DJL 0.38.0's binding, add_special_tokens
 * off) from seeded random text; control-token markup was left out of the texts because that
 * library always matches it while these vectors, like llama.cpp's, do not parse it.
 */
class HuggingFaceReferenceIdsTest {

    @Test
    void sameIdsAsTheReferenceLibrary() throws Exception {
        Tokenizer tokenizer = HuggingFaceTokenizer.load(SharedData.require("tokenizer/deepseek-v3-hf"));
        Path inp = Path.of(getClass().getResource("deepseek-v3-hf-reference.inp").toURI());
        Path out = Path.of(getClass().getResource("deepseek-v3-hf-reference.out").toURI());
        List<TokenizerTestVectors.Case> cases = TokenizerTestVectors.read(inp, out);
        assertThat(cases).hasSize(400);
        List<String> failures = TokenizerTestVectors.run(tokenizer, cases).stream()
                .filter(r -> !r.passed()).map(r -> r.testCase().input()).toList();
        assertThat(failures).isEmpty();
    }
}
