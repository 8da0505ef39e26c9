package io.github.deepseek4j;

/**
 * An assistant's answer to a conversation.
 *
 * @param content    the answer, without reasoning
 * @param reasoning  the reasoning ({@code <think>...</think>} without the tags, trimmed); "" when none
 * @param rawText    the generated text as it came, tags included
 * @param generation the tokens, stop reason and timings
 */
public record ChatResult(String content, String reasoning, String rawText, GenerationResult generation) {

    public StopReason stopReason() {
        return generation.stopReason();
    }
}
