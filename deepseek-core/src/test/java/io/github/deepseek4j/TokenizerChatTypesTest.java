package io.github.deepseek4j;

import io.github.deepseek4j.tokenizer.chat.BuiltinTemplate;
import io.github.deepseek4j.tokenizer.chat.ChatTemplate;
import io.github.deepseek4j.tokenizer.chat.reasoning.ReasoningDelta;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API's chat types carry everything the tokenizer's templates and reasoning splitter use. */
class TokenizerChatTypesTest {

    @Test
    void everyFieldReachesTheTemplate() {
        List<ChatMessage> conversation = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Add 1 and 1"),
                ChatMessage.toolCalls(List.of(new ToolCall("call-1", "add", "{\"a\": 1, \"b\": 1}"))),
                ChatMessage.toolResult("call-1", "2"), ChatMessage.assistant("It is 2.", "Easy."));
        var expected = List.of(io.github.deepseek4j.tokenizer.chat.ChatMessage.system("Be brief."),
                io.github.deepseek4j.tokenizer.chat.ChatMessage.user("Add 1 and 1"),
                io.github.deepseek4j.tokenizer.chat.ChatMessage.toolCalls(List.of(
                        new io.github.deepseek4j.tokenizer.chat.ToolCall("call-1", "add", "{\"a\": 1, \"b\": 1}"))),
                io.github.deepseek4j.tokenizer.chat.ChatMessage.toolResult("call-1", "2"),
                io.github.deepseek4j.tokenizer.chat.ChatMessage.assistant("It is 2.", "Easy."));

        assertThat(TokenizerChatTypes.toTemplate(conversation)).isEqualTo(expected);
        ChatTemplate template = ChatTemplate.of(BuiltinTemplate.DEEPSEEK_V3);
        assertThat(template.render(TokenizerChatTypes.toTemplate(conversation), true))
                .isEqualTo(template.render(expected, true)).contains("add", "It is 2.");
    }

    @Test
    void deltasKeepTheirKindAndText() {
        assertThat(TokenizerChatTypes.fromSplitter(new ReasoningDelta(ReasoningDelta.Kind.REASONING, "hmm")))
                .isEqualTo(new ChatDelta(ChatDelta.Kind.REASONING, "hmm"));
        assertThat(TokenizerChatTypes.fromSplitter(new ReasoningDelta(ReasoningDelta.Kind.CONTENT, "4")))
                .isEqualTo(new ChatDelta(ChatDelta.Kind.CONTENT, "4"));
    }

    @Test
    void aMessageNeedsContentOrToolCalls() {
        assertThatThrownBy(() -> new ChatMessage(ChatMessage.ASSISTANT, null, null, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content or tool calls");
        assertThatThrownBy(() -> ChatMessage.toolCalls(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(ChatMessage.toolResult("c", "2").role()).isEqualTo(ChatMessage.TOOL);
    }
}
