package io.github.deepseek4j;

import io.github.deepseek4j.tokenizer.chat.reasoning.ReasoningDelta;

import java.util.List;

/**
 * The one place where the API's chat types become the tokenizer module's and back. The tokenizer keeps
 * types of its own because it cannot depend on this module; users of {@link Model} and {@link Session} only
 * see the API's.
 */
final class TokenizerChatTypes {

    private TokenizerChatTypes() {
    }

    static List<io.github.deepseek4j.tokenizer.chat.ChatMessage> toTemplate(List<ChatMessage> messages) {
        return messages.stream().map(TokenizerChatTypes::toTemplate).toList();
    }

    private static io.github.deepseek4j.tokenizer.chat.ChatMessage toTemplate(ChatMessage m) {
        List<io.github.deepseek4j.tokenizer.chat.ToolCall> calls = m.toolCalls().stream()
                .map(c -> new io.github.deepseek4j.tokenizer.chat.ToolCall(c.id(), c.name(), c.arguments()))
                .toList();
        return new io.github.deepseek4j.tokenizer.chat.ChatMessage(m.role(), m.content(), m.reasoningContent(), calls,
                m.toolCallId());
    }

    static List<ToolCall> fromParser(List<io.github.deepseek4j.tokenizer.chat.ToolCall> calls) {
        return calls.stream().map(c -> new ToolCall(c.id(), c.name(), c.arguments())).toList();
    }

    static ChatDelta fromSplitter(ReasoningDelta d) {
        return new ChatDelta(d.isReasoning() ? ChatDelta.Kind.REASONING : ChatDelta.Kind.CONTENT, d.text());
    }
}
