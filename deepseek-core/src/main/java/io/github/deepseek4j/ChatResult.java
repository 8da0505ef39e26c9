package io.github.deepseek4j;

import java.util.List;

/**
 * An assistant's answer to a conversation.
 *
 * @param content    the answer, without reasoning and without the tool calls' markup
 * @param reasoning  the reasoning ({@code <think>...</think>} without the tags, trimmed); "" when none
 * @param rawText    the generated text as it came, tags included
 * @param generation the tokens, stop reason and timings
 * @param toolCalls  the tools the model called, read from its output in its format; empty without tools
 *                   offered or when it answered in text
 */
public record ChatResult(String content, String reasoning, String rawText, GenerationResult generation,
                         List<ToolCall> toolCalls) {

    public ChatResult {
        toolCalls = List.copyOf(toolCalls);
    }

    public StopReason stopReason() {
        return generation.stopReason();
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    /**
     * This answer as the assistant message of the conversation's history: with its reasoning and tool calls,
     * the content null when only tools were called (as the templates expect). Append it, then one
     * {@link ChatMessage#toolResult} per call, and chat again.
     */
    public ChatMessage toMessage() {
        String thought = reasoning.isEmpty() ? null : reasoning;
        if (toolCalls.isEmpty()) {
            return ChatMessage.assistant(content, thought);
        }
        return new ChatMessage(ChatMessage.ASSISTANT, content.isEmpty() ? null : content, thought, toolCalls, null);
    }
}
