package io.github.deepseek4j.tokenizer.chat.reasoning;

/**
 * A model output split at its {@code </think>}: the reasoning (without tags, trimmed) and the
 * answer (without the white space that follows the closing tag). Without reasoning, {@code reasoning} is "".
 */
public record ReasoningSplit(String reasoning, String content) {

    public boolean hasReasoning() {
        return !reasoning.isEmpty();
    }
}
