package io.github.deepseek4j.tokenizer.chat.tools;

import io.github.deepseek4j.tokenizer.chat.ToolCall;

import java.util.ArrayList;
import java.util.List;

/**
 * The Hermes format Qwen2.5 (and QwQ, Qwen3) use: each call a JSON object in its own block,
 * {@code <tool_call>\n{"name": NAME, "arguments": {...}}\n</tool_call>}, anywhere in the output; the
 * text between blocks is the content. A {@code </tool_call>} without an opening tag is plain text.
 */
final class HermesToolCallParser {

    static final String OPEN = "<tool_call>";
    static final String CLOSE = "</tool_call>";
    private static final List<String> ARGUMENT_KEYS = List.of("arguments", "parameters");

    private HermesToolCallParser() {
    }

    static ParsedToolCalls parse(String output) {
        StringBuilder content = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        int pos = 0;
        while (true) {
            int open = output.indexOf(OPEN, pos);
            if (open < 0) {
                content.append(output, pos, output.length());
                break;
            }
            content.append(output, pos, open);
            int close = output.indexOf(CLOSE, open);
            if (close < 0) {
                throw new ToolCallParseException(ToolCallFormat.HERMES, open,
                        "unterminated " + OPEN + ": no " + CLOSE + " (was the output cut off?)");
            }
            String json = output.substring(open + OPEN.length(), close).strip();
            calls.add(JsonToolCalls.call(ToolCallFormat.HERMES, open, calls.size(), json, ARGUMENT_KEYS));
            pos = close + CLOSE.length();
        }
        return ParsedToolCalls.of(content.toString(), calls);
    }
}
