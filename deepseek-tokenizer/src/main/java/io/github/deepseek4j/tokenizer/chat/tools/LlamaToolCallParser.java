package io.github.deepseek4j.tokenizer.chat.tools;

import io.github.deepseek4j.tokenizer.chat.ToolCall;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Llama-3.1/3.2/3.3 JSON format: {@code {"name": NAME, "parameters": {...}}}, optionally after
 * {@code <|python_tag|>}, several calls separated by {@code ;}. Without the tag, only an object that
 * starts like a call ({@code "name"} then {@code "parameters"} or {@code "arguments"}) is one, so a
 * JSON answer is not mistaken for a call. Built-in tool calls ({@code <|python_tag|>brave_search.call(...)})
 * are not read: they are reported as an error.
 */
final class LlamaToolCallParser {

    static final String PYTHON_TAG = "<|python_tag|>";
    private static final Pattern CALL_START = Pattern.compile(
            "\\{\\s*(?:\"type\"\\s*:\\s*\"function\"\\s*,\\s*)?\"name\"\\s*:\\s*\"[^\"]*\"\\s*,\\s*\"(?:parameters|arguments)\"\\s*:");
    private static final List<String> ARGUMENT_KEYS = List.of("parameters", "arguments");

    private LlamaToolCallParser() {
    }

    static ParsedToolCalls parse(String output) {
        int tag = output.indexOf(PYTHON_TAG);
        int start;
        if (tag >= 0) {
            start = JsonToolCalls.skipWhiteSpace(output, tag + PYTHON_TAG.length());
            if (start == output.length() || output.charAt(start) != '{') {
                throw new ToolCallParseException(ToolCallFormat.LLAMA_3, tag, PYTHON_TAG
                        + " is followed by code, not a JSON call (built-in tools are not supported): "
                        + JsonToolCalls.excerpt(output.substring(start)));
            }
        } else {
            Matcher m = CALL_START.matcher(output);
            if (!m.find()) {
                return ParsedToolCalls.text(output);
            }
            start = m.start();
        }
        List<ToolCall> calls = new ArrayList<>();
        int pos = start;
        do {
            int end = JsonToolCalls.objectEnd(output, pos);
            if (end < 0) {
                throw new ToolCallParseException(ToolCallFormat.LLAMA_3, pos,
                        "unterminated JSON call (was the output cut off?): " + JsonToolCalls.excerpt(output.substring(pos)));
            }
            calls.add(JsonToolCalls.call(ToolCallFormat.LLAMA_3, pos, calls.size(), output.substring(pos, end), ARGUMENT_KEYS));
            pos = nextCall(output, end);
        } while (pos >= 0 && output.charAt(pos) == '{');
        int contentEnd = tag >= 0 ? tag : start;
        String after = pos < 0 ? "" : output.substring(pos);
        return ParsedToolCalls.of(output.substring(0, contentEnd) + after, calls);
    }

    /** Past white space and one {@code ;} after a call: where the next call or the trailing text starts, -1 at the end. */
    private static int nextCall(String output, int pos) {
        pos = JsonToolCalls.skipWhiteSpace(output, pos);
        if (pos < output.length() && output.charAt(pos) == ';') {
            pos = JsonToolCalls.skipWhiteSpace(output, pos + 1);
        }
        return pos == output.length() ? -1 : pos;
    }
}
