package io.github.deepseek4j;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation, in the shape chat templates expect (OpenAI / Hugging Face style).
 *
 * <pre>{@code
 * List<ChatMessage> history = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi!"));
 * }</pre>
 *
 * @param role             {@value #SYSTEM}, {@value #USER}, {@value #ASSISTANT}, {@value #TOOL} (or any role the
 *                         model's template knows)
 * @param content          the text; null for an assistant message that only calls tools
 * @param reasoningContent an assistant's reasoning (the text inside {@code <think>}), or null
 * @param toolCalls        the calls an assistant message makes; empty otherwise
 * @param toolCallId       for a tool result, the id of the call it answers; else null
 */
public record ChatMessage(String role, String content, String reasoningContent, List<ToolCall> toolCalls,
                          String toolCallId) {

    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    public static final String TOOL = "tool";

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        if (role.isBlank()) {
            throw new IllegalArgumentException("role must not be blank");
        }
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        if (content == null && toolCalls.isEmpty()) {
            throw new IllegalArgumentException("a " + role + " message needs content or tool calls");
        }
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(SYSTEM, Objects.requireNonNull(content, "content"), null, List.of(), null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(USER, Objects.requireNonNull(content, "content"), null, List.of(), null);
    }

    public static ChatMessage assistant(String content) {
        return assistant(content, null);
    }

    /** An assistant answer with the reasoning that preceded it (templates that render history may drop it). */
    public static ChatMessage assistant(String content, String reasoningContent) {
        return new ChatMessage(ASSISTANT, Objects.requireNonNull(content, "content"), reasoningContent, List.of(), null);
    }

    /** An assistant turn that only calls tools (its content is null, as the templates expect). */
    public static ChatMessage toolCalls(List<ToolCall> calls) {
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("at least one tool call is needed");
        }
        return new ChatMessage(ASSISTANT, null, null, calls, null);
    }

    /** The result of the tool call {@code toolCallId}. */
    public static ChatMessage toolResult(String toolCallId, String content) {
        return new ChatMessage(TOOL, Objects.requireNonNull(content, "content"), null, List.of(), toolCallId);
    }
}
