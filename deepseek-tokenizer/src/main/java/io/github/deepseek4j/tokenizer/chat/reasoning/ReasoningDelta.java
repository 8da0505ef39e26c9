package io.github.deepseek4j.tokenizer.chat.reasoning;

/** A piece of streamed output, either reasoning or answer text; never empty, never part of a tag. */
public record ReasoningDelta(Kind kind, String text) {

    public enum Kind { REASONING, CONTENT }

    public boolean isReasoning() {
        return kind == Kind.REASONING;
    }
}
