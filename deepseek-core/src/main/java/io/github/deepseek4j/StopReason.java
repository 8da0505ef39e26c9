package io.github.deepseek4j;

/** Why generation stopped. */
public enum StopReason {
    /** The requested number of tokens was generated. */
    MAX_TOKENS,
    /** A stop token was sampled (it is not part of the output). */
    STOP_TOKEN,
    /** The session's context is full. */
    CONTEXT_FULL
}
