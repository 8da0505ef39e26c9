package io.github.deepseek4j;

import io.github.deepseek4j.tokenizer.chat.reasoning.ReasoningDelta;
import io.github.deepseek4j.tokenizer.chat.reasoning.ReasoningSplitter;
import io.github.deepseek4j.tokenizer.chat.tools.ParsedToolCalls;
import io.github.deepseek4j.tokenizer.chat.tools.ToolCallFormat;
import io.github.deepseek4j.tokenizer.chat.tools.ToolCallParseException;

import java.util.List;
import java.util.function.Consumer;

/** The text of an assistant turn as it is generated, split into reasoning and content deltas, then read for tool calls. */
final class ChatTurn {

    private final ReasoningSplitter splitter;
    private final Consumer<ChatDelta> onDelta;
    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final StringBuilder content = new StringBuilder();

    /**
     * @param promptOpenedReasoning the prompt ends inside {@code <think>} (the output starts as reasoning)
     * @param onDelta               receives each delta (null: nobody)
     */
    ChatTurn(boolean promptOpenedReasoning, Consumer<ChatDelta> onDelta) {
        this.splitter = new ReasoningSplitter(promptOpenedReasoning);
        this.onDelta = onDelta;
    }

    void accept(String text) {
        raw.append(text);
        forward(splitter.accept(text));
    }

    ChatResult finish(GenerationResult generation) {
        return finish(generation, ToolCallFormat.NONE);
    }

    /**
     * The answer, its content read for tool calls in {@code format}.
     *
     * @throws ToolCallException the content starts a call it does not finish well
     */
    ChatResult finish(GenerationResult generation, ToolCallFormat format) {
        forward(splitter.finish());
        try {
            ParsedToolCalls parsed = format.parse(content.toString());
            return new ChatResult(parsed.content(), reasoning.toString(), raw.toString(), generation,
                    TokenizerChatTypes.fromParser(parsed.toolCalls()));
        } catch (ToolCallParseException e) {
            ChatResult unread = new ChatResult(content.toString(), reasoning.toString(), raw.toString(), generation, List.of());
            String cutOff = generation.stopReason() == StopReason.MAX_TOKENS ? " (generation stopped at maxTokens)" : "";
            throw new ToolCallException("the model's tool call cannot be read: " + e.getMessage() + cutOff, unread, e);
        }
    }

    private void forward(List<ReasoningDelta> deltas) {
        for (ReasoningDelta d : deltas) {
            (d.isReasoning() ? reasoning : content).append(d.text());
            if (onDelta != null) {
                onDelta.accept(TokenizerChatTypes.fromSplitter(d));
            }
        }
    }
}
