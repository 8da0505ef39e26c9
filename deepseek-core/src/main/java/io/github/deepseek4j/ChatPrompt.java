package io.github.deepseek4j;

import io.github.deepseek4j.tokenizer.SpecialTokenIds;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.chat.ChatTemplate;
import io.github.deepseek4j.tokenizer.chat.jinja.TemplateException;
import io.github.deepseek4j.tokenizer.chat.reasoning.ReasoningSplitter;
import io.github.deepseek4j.tokenizer.chat.tools.ToolCallFormat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation rendered for generation: the template's text (ending with the assistant header) and its
 * tokens, control tokens written by the template matched as such.
 *
 * @param text           the rendered prompt
 * @param tokens         its tokens, starting with BOS when the vocabulary asks for one
 * @param opensReasoning the prompt ends inside an open {@code <think>}
 * @param toolCallFormat how to read tool calls from the answer ({@code NONE} when no tools were offered)
 */
record ChatPrompt(String text, int[] tokens, boolean opensReasoning, ToolCallFormat toolCallFormat) {

    static ChatPrompt render(Model model, ChatRequest request) {
        Tokenizer tokenizer = model.tokenizer();
        ChatTemplate template = model.chatTemplate();
        Map<String, Object> variables = new LinkedHashMap<>(ChatTemplate.specialTokenVariables(tokenizer.vocabulary()));
        if (!request.tools().isEmpty()) {
            // only when there are tools: templates test "tools is not none", and Llama-3.1 renders [] as tools
            variables.put("tools", request.tools().stream().map(ToolDefinition::toTemplateValue).toList());
        }
        ToolCallFormat format = ToolPrompt.format(request, template.source());
        List<ChatMessage> messages = ToolPrompt.messages(request, template.source(), format);
        String text;
        try {
            text = template.render(TokenizerChatTypes.toTemplate(messages), true, variables);
        } catch (TemplateException e) { // the template engine's type stays out of the API
            throw new ChatTemplateException(e.getMessage(), e);
        }
        return new ChatPrompt(text, withBos(tokenizer, tokenizer.encode(text, false, true)),
                ReasoningSplitter.promptOpensReasoning(text), format);
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
