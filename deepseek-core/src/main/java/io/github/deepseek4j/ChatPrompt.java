package io.github.deepseek4j;

import io.github.deepseek4j.tokenizer.SpecialTokenIds;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.chat.ChatTemplate;
import io.github.deepseek4j.tokenizer.chat.jinja.TemplateException;
import io.github.deepseek4j.tokenizer.chat.reasoning.ReasoningSplitter;

import java.util.List;

/**
 * A conversation rendered for generation: the template's text (ending with the assistant header) and its
 * tokens, control tokens written by the template matched as such.
 *
 * @param text           the rendered prompt
 * @param tokens         its tokens, starting with BOS when the vocabulary asks for one
 * @param opensReasoning the prompt ends inside an open {@code <think>}
 */
record ChatPrompt(String text, int[] tokens, boolean opensReasoning) {

    static ChatPrompt render(Model model, List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs at least one message");
        }
        Tokenizer tokenizer = model.tokenizer();
        ChatTemplate template = model.chatTemplate();
        String text;
        try {
            text = template.render(TokenizerChatTypes.toTemplate(messages), true, ChatTemplate.specialTokenVariables(tokenizer.vocabulary()));
        } catch (TemplateException e) { // the template engine's type stays out of the API
            throw new ChatTemplateException(e.getMessage(), e);
        }
        return new ChatPrompt(text, withBos(tokenizer, tokenizer.encode(text, false, true)),
                ReasoningSplitter.promptOpensReasoning(text));
    }

    /** Templates usually write BOS themselves; add it only where the vocabulary wants one and it is missing. */
    private static int[] withBos(Tokenizer tokenizer, int[] tokens) {
        int bos = tokenizer.bosId();
        if (!tokenizer.vocabulary().addBos() || bos == SpecialTokenIds.NONE || (tokens.length > 0 && tokens[0] == bos)) {
            return tokens;
        }
        int[] out = new int[tokens.length + 1];
        out[0] = bos;
        System.arraycopy(tokens, 0, out, 1, tokens.length);
        return out;
    }
}
