package io.github.deepseek4j;

import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.tokenizer.chat.tools.ToolCallFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How offered tools reach the model, and how its answer is read for calls. Templates that read the {@code tools}
 * variable show the tools in their own words. Others (the original DeepSeek-V3 and R1 templates, ChatML) would
 * drop them without a word, so for those the tools and the call syntax are described in the system message.
 */
final class ToolPrompt {

    private static final Pattern READS_TOOLS = Pattern.compile("\\btools\\b");

    private ToolPrompt() {
    }

    /**
     * The format the answer is read in: none without tools; else the request's choice, else the one the template
     * teaches, else Hermes for a template without tools (the format the system message then teaches).
     */
    static ToolCallFormat format(ChatRequest request, String templateSource) {
        if (request.tools().isEmpty()) {
            return ToolCallFormat.NONE;
        }
        if (request.toolCallFormat() != null) {
            return ToolCallFormat.byName(request.toolCallFormat());
        }
        ToolCallFormat detected = ToolCallFormat.detect(templateSource);
        return detected == ToolCallFormat.NONE && !READS_TOOLS.matcher(templateSource).find() ? ToolCallFormat.HERMES : detected;
    }

    /** The request's messages, the tools described in the system message when the template does not show them. */
    static List<ChatMessage> messages(ChatRequest request, String templateSource, ToolCallFormat format) {
        if (request.tools().isEmpty() || format == ToolCallFormat.NONE || READS_TOOLS.matcher(templateSource).find()) {
            return request.messages();
        }
        String description = describe(request.tools(), format);
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        ChatMessage first = messages.getFirst();
        if (first.role().equals(ChatMessage.SYSTEM) && first.content() != null) {
            messages.set(0, ChatMessage.system(first.content() + "\n\n" + description));
        } else {
            messages.addFirst(ChatMessage.system(description));
        }
        return messages;
    }

    static String describe(List<ToolDefinition> tools, ToolCallFormat format) {
        StringBuilder text = new StringBuilder("You can call these functions, given as JSON with the JSON Schema of their arguments:\n");
        for (ToolDefinition tool : tools) {
            text.append('\n').append(Json.write(tool.toTemplateValue().get("function")));
        }
        return text.append("\n\nTo call a function, answer with exactly:\n")
                .append(format.write(tools.getFirst().name(), "{\"ARGUMENT\": \"VALUE\"}"))
                .append("\n\nThe results come back in the next message.")
                .toString();
    }
}
