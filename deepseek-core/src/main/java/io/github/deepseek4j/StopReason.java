package io.github.deepseek4j;

/** Why generation stopped. */
public enum StopReason {
    /** The requested number of tokens was generated. */
    MAX_TOKENS,
    /**
     * A stop token was sampled (it is not part of the output): one of the options' stop tokens or, for
     * text generation, an end-of-generation token of the vocabulary (EOS, EOT).
     */
    STOP_TOKEN,
    /** The session's context is full. */
    CONTEXT_FULL,
    /** The text reached one of the options' stop strings (left out of the text). */
    STOP_STRING,
    /** {@link Generation#cancel()} (or closing the handle, its stream or a subscription) stopped it. */
    CANCELLED,
    /** The time limit set with {@link Generation#timeout(java.time.Duration)} ran out. */
    DEADLINE
}
