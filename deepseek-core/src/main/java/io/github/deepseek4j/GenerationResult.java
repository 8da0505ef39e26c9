package io.github.deepseek4j;

import java.time.Duration;

/**
 * The outcome of a generation: the generated token ids (without the prompt or a stop token), their text,
 * why it stopped, and timings.
 *
 * @param tokens            the generated tokens; after a stop string, those that completed it are included
 * @param text              the generated text (empty for token-level generation), without stop strings
 *
 * @param promptTokens      tokens of the prompt that were fed
 * @param timeToFirstToken  from the start until the first generated token was chosen (prefill included)
 * @param prefillTime       feeding the prompt
 * @param decodeTime        the one-token forward passes after the prompt
 * @param decodeSteps       how many one-token forward passes ran
 */
public record GenerationResult(int[] tokens, StopReason stopReason, int promptTokens, Duration timeToFirstToken,
                               Duration prefillTime, Duration decodeTime, int decodeSteps, String text) {

    public GenerationResult {
        tokens = tokens.clone();
        text = text == null ? "" : text;
    }

    /** A result without text (token-level generation). */
    public GenerationResult(int[] tokens, StopReason stopReason, int promptTokens, Duration timeToFirstToken,
                            Duration prefillTime, Duration decodeTime, int decodeSteps) {
        this(tokens, stopReason, promptTokens, timeToFirstToken, prefillTime, decodeTime, decodeSteps, "");
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
