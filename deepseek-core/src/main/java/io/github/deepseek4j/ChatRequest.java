package io.github.deepseek4j;

import io.github.deepseek4j.tokenizer.chat.tools.ToolCallFormat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one chat turn needs: the conversation, the tools the model may call, and how to generate. The
 * shape of an OpenAI chat-completion request, so that Spring AI or LangChain4j adapters map onto it directly.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *         .messages(history)
 *         .tool(new ToolDefinition("get_weather", "Current weather for a city", schemaJson))
 *         .options(GenerationOptions.builder().maxTokens(512).build())
 *         .build();
 * ChatResult answer = model.chat(request);
 * }</pre>
 *
 * @param messages       the conversation so far, at least one message
 * @param tools          the functions offered to the model, passed to the chat template's {@code tools}
 *                       variable; empty: none (the output is then never read for calls)
 * @param options        how to generate
 * @param toolCallFormat how the model writes calls ({@code deepseek}, {@code hermes}/{@code qwen},
 *                       {@code llama-3}, {@code none}); null: the format the chat template teaches, found by
 *                       the markers it contains
 * @throws IllegalArgumentException no messages, two tools with one name, or an unknown format
 */
public record ChatRequest(List<ChatMessage> messages, List<ToolDefinition> tools, GenerationOptions options,
                          String toolCallFormat) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(options, "options");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs at least one message");
        }
        Set<String> names = new HashSet<>();
        for (ToolDefinition tool : tools) {
            if (!names.add(tool.name())) {
                throw new IllegalArgumentException("two tools are named '" + tool.name() + "'");
            }
        }
        if (toolCallFormat != null) {
            ToolCallFormat.byName(toolCallFormat);
        }
    }

    /** A request without tools. */
    public static ChatRequest of(List<ChatMessage> messages, GenerationOptions options) {
        return new ChatRequest(messages, List.of(), options, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects a request; {@link GenerationOptions#defaults()} unless options are set. */
    public static final class Builder {

        private final List<ChatMessage> messages = new ArrayList<>();
        private final List<ToolDefinition> tools = new ArrayList<>();
        private GenerationOptions options = GenerationOptions.defaults();
        private String toolCallFormat;

        private Builder() {
        }

        /** Appends messages to the conversation. */
        public Builder messages(List<ChatMessage> messages) {
            this.messages.addAll(messages);
            return this;
        }

        /** Appends one message to the conversation. */
        public Builder message(ChatMessage message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /** Offers more tools. */
        public Builder tools(List<ToolDefinition> tools) {
            this.tools.addAll(tools);
            return this;
        }

        /** Offers one more tool. */
        public Builder tool(ToolDefinition tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        public Builder options(GenerationOptions options) {
            this.options = options;
            return this;
        }

        /** Reads calls in this format instead of the one the template teaches (see {@link ChatRequest#toolCallFormat()}). */
        public Builder toolCallFormat(String format) {
            this.toolCallFormat = format;
            return this;
        }

        public ChatRequest build() {
            return new ChatRequest(messages, tools, options, toolCallFormat);
        }
    }
}
