package io.github.deepseek4j.conformance;

import io.github.deepseek4j.KvCacheType;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An F16 KV cache takes half the memory and stays within the F16 tolerances, for classic and latent caches. */
class HalfPrecisionCacheTest {

    @ParameterizedTest
    @ValueSource(strings = {"tiny-qwen2-f16", "tiny-deepseek3-mla-f16"})
    void halfPrecisionCachePassesTheF16Tolerances(String name) throws Exception {
        Path dir = SharedData.require("conformance");
        ConformanceCase c = ConformanceCase.read(dir, dir.resolve("cases/" + name + ".json"));
        try (Model f16 = Model.builder(c.model()).threads(2).contextLength(c.tokens().length)
                .cacheType(KvCacheType.F16).build();
             Model f32 = Model.builder(c.model()).threads(1).contextLength(c.tokens().length).build()) {
            assertThat(f16.cacheBytesPerToken() * 2).isEqualTo(f32.cacheBytesPerToken());
            CaseResult r = ConformanceRunner.compare(c, ConformanceRunner.logits(f16, c), c.readExactLogits());
            assertThat(r.failures()).as(r.summary()).isEmpty();
        }
    }
}
