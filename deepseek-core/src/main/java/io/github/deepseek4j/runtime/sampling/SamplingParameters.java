package io.github.deepseek4j.runtime.sampling;

import java.util.Map;

/**
 * What a {@link TokenSampler} does to the logits, in this order: logit bias, penalties over the recent tokens,
 * then greedy choice (temperature 0) or top-k, top-p, min-p, temperature and a seeded draw. Values are
 * validated by whoever builds them (the generation options); the neutral value of each filter disables it.
 *
 * @param temperature      0 for greedy, else the softmax temperature
 * @param topK             keep the k most likely tokens; 0 keeps all
 * @param topP             keep the smallest set of most likely tokens whose probability reaches p; 1 keeps all
 * @param minP             drop tokens less likely than {@code minP} times the most likely one; 0 keeps all
 * @param repeatPenalty    divides positive (multiplies negative) logits of recent tokens; 1 is neutral
 * @param frequencyPenalty subtracted once per occurrence of a token in the window; 0 is neutral
 * @param presencePenalty  subtracted once from every token present in the window; 0 is neutral
 * @param penaltyWindow    how many recent tokens (prompt included) the penalties look at
 * @param logitBias        added to the logits of the given token ids ({@code -Infinity} bans a token)
 * @param seed             seed of the random stream
 */
public record SamplingParameters(double temperature, int topK, double topP, double minP, double repeatPenalty,
                                 double frequencyPenalty, double presencePenalty, int penaltyWindow,
                                 Map<Integer, Float> logitBias, long seed) {

    public SamplingParameters {
        logitBias = Map.copyOf(logitBias);
    }

    /** Whether any penalty changes the logits. */
    public boolean penalizes() {
        return penaltyWindow > 0 && (repeatPenalty != 1 || frequencyPenalty != 0 || presencePenalty != 0);
    }
}
