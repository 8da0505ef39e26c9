package io.github.deepseek4j.tokenizer.chat.tools;

import io.github.deepseek4j.tokenizer.chat.ChatMessage;
import io.github.deepseek4j.tokenizer.chat.ToolCall;

import java.util.List;
import java.util.Objects;

/**
 * A model's output split into its text and the tool calls it made.
 *
 * @param content   the text outside the tool calls (stripped when there are calls); "" when none
 * @param toolCalls the calls in the order written; empty when the output is plain text
 */
public record ParsedToolCalls(String content, List<ToolCall> toolCalls) {

    public ParsedToolCalls {
        Objects.requireNonNull(content, "content");
        toolCalls = List.copyOf(toolCalls);
    }

    static ParsedToolCalls text(String output) {
        return new ParsedToolCalls(output, List.of());
    }

    static ParsedToolCalls of(String content, List<ToolCall> toolCalls) {
        return toolCalls.isEmpty() ? text(content) : new ParsedToolCalls(content.strip(), toolCalls);
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    /**
     * The assistant message to put back into the conversation before the tool results: the calls with
     * null content when there is no text (the DeepSeek templates test {@code content is none}).
     */
    public ChatMessage toMessage() {
        if (toolCalls.isEmpty()) {
            return ChatMessage.assistant(content);
        }
        return new ChatMessage("assistant", content.isEmpty() ? null : content, null, toolCalls, null);
    }
}
