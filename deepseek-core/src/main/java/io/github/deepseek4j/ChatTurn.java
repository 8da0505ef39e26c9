package io.github.deepseek4j;

import io.github.deepseek4j.tokenizer.chat.reasoning.ReasoningDelta;
import io.github.deepseek4j.tokenizer.chat.reasoning.ReasoningSplitter;

import java.util.List;
import java.util.function.Consumer;

/** The text of an assistant turn as it is generated, split into reasoning and content deltas. */
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
        forward(splitter.finish());
        return new ChatResult(content.toString(), reasoning.toString(), raw.toString(), generation);
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
