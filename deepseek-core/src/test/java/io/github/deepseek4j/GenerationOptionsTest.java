package io.github.deepseek4j;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationOptionsTest {

    @Test
    void toBuilderDerivesWithoutChangingTheOriginal() {
        GenerationOptions base = GenerationOptions.builder().temperature(0.7).topK(40).seed(42).maxTokens(64)
                .stopStrings("\n\n").logitBias(3, -1f).stopTokens(7).build();
        GenerationOptions derived = base.toBuilder().maxTokens(8).build();
        assertThat(derived.maxTokens()).isEqualTo(8);
        assertThat(base.maxTokens()).isEqualTo(64);
        assertThat(derived.toString()).isEqualTo(base.toString().replace("maxTokens=64", "maxTokens=8"));
    }
}
