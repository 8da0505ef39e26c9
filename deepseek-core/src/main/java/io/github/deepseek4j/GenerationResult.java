package io.github.deepseek4j;

import java.time.Duration;

/**
 * The outcome of a generation: the generated token ids (without the prompt or a stop token), why it stopped,
 * and timings.
 *
 * @param promptTokens      tokens of the prompt that were fed
 * @param timeToFirstToken  from the start until the first generated token was chosen (prefill included)
 * @param prefillTime       feeding the prompt
 * @param decodeTime        the one-token forward passes after the prompt
 * @param decodeSteps       how many one-token forward passes ran
 */
public record GenerationResult(int[] tokens, StopReason stopReason, int promptTokens, Duration timeToFirstToken,
                               Duration prefillTime, Duration decodeTime, int decodeSteps) {

    public GenerationResult {
        tokens = tokens.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    public int generatedTokens() {
        return tokens.length;
    }

    /** Prompt tokens per second of prefill (0 when nothing was measured). */
    public double prefillTokensPerSecond() {
        return rate(promptTokens, prefillTime);
    }

    /** Tokens per second of one-token decoding (0 when nothing was measured). */
    public double decodeTokensPerSecond() {
        return rate(decodeSteps, decodeTime);
    }

    private static double rate(int count, Duration time) {
        return time.isZero() ? 0 : count / (time.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return "GenerationResult[" + tokens.length + " tokens, " + stopReason + ", prompt " + promptTokens
                + String.format(java.util.Locale.ROOT, ", ttft %.1f ms, prefill %.1f tok/s, decode %.1f tok/s]",
                timeToFirstToken.toNanos() / 1e6, prefillTokensPerSecond(), decodeTokensPerSecond());
    }
}
