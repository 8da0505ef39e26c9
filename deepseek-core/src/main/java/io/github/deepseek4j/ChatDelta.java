package io.github.deepseek4j;

import java.util.Objects;

/**
 * A piece of an assistant's turn as it is generated: reasoning (inside {@code <think>...</think>}) or answer
 * text. Never empty, never part of a tag.
 */
public record ChatDelta(Kind kind, String text) {

    public enum Kind { REASONING, CONTENT }

    public ChatDelta {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public boolean isReasoning() {
        return kind == Kind.REASONING;
    }
}
