package io.github.deepseek4j.runtime.sampling;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenSamplerTest {

    private static final float[] LOGITS = {1f, 3f, 2.5f, -1f, 0f, 2.9f};

    private static SamplingParameters params(double temperature, int topK, double topP, double minP, double repeat,
                                             Map<Integer, Float> bias, long seed) {
        return new SamplingParameters(temperature, topK, topP, minP, repeat, 0, 0, 64, bias, seed);
    }

    private static int sample(TokenSampler sampler) {
        return sampler.sample(LOGITS.clone(), LOGITS.length);
    }

    @Test
    void greedyTakesTheHighestLogit() {
        assertThat(sample(new TokenSampler(params(0, 0, 1, 0, 1, Map.of(), 0), 6))).isEqualTo(1);
    }

    @Test
    void logitBiasCanBanAToken() {
        TokenSampler sampler = new TokenSampler(params(0, 0, 1, 0, 1, Map.of(1, Float.NEGATIVE_INFINITY), 0), 6);
        assertThat(sample(sampler)).isEqualTo(5);
    }

    @Test
    void topKOfOneIsGreedyWhateverTheTemperature() {
        TokenSampler sampler = new TokenSampler(params(5, 1, 1, 0, 1, Map.of(), 3), 6);
        assertThat(IntStream.range(0, 50).map(i -> sample(sampler))).containsOnly(1);
    }

    @Test
    void topPAndMinPKeepOnlyTheLikelyTokens() {
        TokenSampler topP = new TokenSampler(params(1, 0, 0.5, 0, 1, Map.of(), 3), 6);
        assertThat(IntStream.range(0, 200).map(i -> sample(topP))).containsOnly(1, 5);
        TokenSampler minP = new TokenSampler(params(1, 0, 1, 0.5, 1, Map.of(), 3), 6);
        assertThat(IntStream.range(0, 200).map(i -> sample(minP))).containsOnly(1, 2, 5);
    }

    @Test
    void theRepeatPenaltyPushesRecentTokensDown() {
        TokenSampler sampler = new TokenSampler(params(0, 0, 1, 0, 2, Map.of(), 0), 6);
        sampler.accept(1);
        assertThat(sample(sampler)).isEqualTo(5); // 3 / 2 = 1.5 < 2.9
        assertThat(sample(sampler)).isEqualTo(2); // 5 was just generated: 2.9 / 2 < 2.5
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        TokenSampler first = new TokenSampler(params(1.5, 0, 1, 0, 1, Map.of(), 42), 6);
        TokenSampler second = new TokenSampler(params(1.5, 0, 1, 0, 1, Map.of(), 42), 6);
        for (int i = 0; i < 30; i++) {
            assertThat(sample(first)).isEqualTo(sample(second));
        }
    }

    @Test
    void aBiasOutsideTheVocabularyIsRejected() {
        assertThatThrownBy(() -> new TokenSampler(params(0, 0, 1, 0, 1, Map.of(9, 1f), 0), 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token 9");
    }
}
