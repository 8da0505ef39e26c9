package io.github.deepseek4j.tokenizer.chat.tools;

import io.github.deepseek4j.tokenizer.chat.ToolCall;

import java.util.ArrayList;
import java.util.List;

/**
 * The DeepSeek-V3/R1 format, as their templates render it:
 * <pre>
 * &lt;｜tool▁calls▁begin｜&gt;&lt;｜tool▁call▁begin｜&gt;function&lt;｜tool▁sep｜&gt;NAME
 * ```json
 * {ARGUMENTS}
 * ```&lt;｜tool▁call▁end｜&gt;
 * &lt;｜tool▁call▁begin｜&gt;...&lt;｜tool▁call▁end｜&gt;&lt;｜tool▁calls▁end｜&gt;
 * </pre>
 * Also read: the later form {@code <｜tool▁call▁begin｜>NAME<｜tool▁sep｜>{ARGUMENTS}<｜tool▁call▁end｜>}
 * (V3.1, R1-0528) and the misspelt opening markers R1 distills are known to write. The closing
 * {@code <｜tool▁calls▁end｜>} may be missing: the V3 template itself omits it after a single call, and
 * generation stops at the end-of-sentence token anyway. The arguments stay exactly as written.
 */
final class DeepSeekToolCallParser {

    static final String CALLS_BEGIN = "<｜tool▁calls▁begin｜>";
    static final String CALL_BEGIN = "<｜tool▁call▁begin｜>";
    static final String CALL_END = "<｜tool▁call▁end｜>";
    static final String SEPARATOR = "<｜tool▁sep｜>";
    static final String CALLS_END = "<｜tool▁calls▁end｜>";
    /** The block's opening marker, then the variants R1 models write; a bare call marker also opens a block. */
    private static final List<String> OPENINGS = List.of(CALLS_BEGIN, "<｜tool_calls_begin｜>",
            "<｜tool calls begin｜>", "<｜tool\\_calls\\_begin｜>", "<｜tool▁calls｜>", CALL_BEGIN);
    private static final String FENCE = "```";

    private DeepSeekToolCallParser() {
    }

    static ParsedToolCalls parse(String output) {
        int start = -1;
        String opening = null;
        for (String candidate : OPENINGS) {
            int at = output.indexOf(candidate);
            if (at >= 0 && (start < 0 || at < start)) {
                start = at;
                opening = candidate;
            }
        }
        if (start < 0) {
            return ParsedToolCalls.text(output);
        }
        int pos = opening.equals(CALL_BEGIN) ? start : start + opening.length();
        List<ToolCall> calls = new ArrayList<>();
        while (true) {
            pos = JsonToolCalls.skipWhiteSpace(output, pos);
            if (pos == output.length()) {
                break;
            }
            if (output.startsWith(CALLS_END, pos)) {
                pos += CALLS_END.length();
                break;
            }
            if (!output.startsWith(CALL_BEGIN, pos)) {
                throw error(pos, "expected " + CALL_BEGIN + " or " + CALLS_END + " but found "
                        + JsonToolCalls.excerpt(output.substring(pos)));
            }
            int end = output.indexOf(CALL_END, pos);
            if (end < 0) {
                throw error(pos, "unterminated call: no " + CALL_END + " (was the output cut off?)");
            }
            calls.add(call(pos, calls.size(), output.substring(pos + CALL_BEGIN.length(), end)));
            pos = end + CALL_END.length();
        }
        if (calls.isEmpty()) {
            throw error(start, "the tool-call block holds no call");
        }
        return ParsedToolCalls.of(output.substring(0, start) + output.substring(pos), calls);
    }

    /** One call's text between its begin and end markers. */
    private static ToolCall call(int offset, int index, String body) {
        int separator = body.indexOf(SEPARATOR);
        if (separator < 0) {
            throw error(offset, "no " + SEPARATOR + " in " + JsonToolCalls.excerpt(body));
        }
        String head = body.substring(0, separator).strip();
        String rest = body.substring(separator + SEPARATOR.length());
        String name;
        String arguments;
        if (head.equals("function")) {
            int newline = rest.indexOf('\n');
            name = (newline < 0 ? rest : rest.substring(0, newline)).strip();
            arguments = newline < 0 ? "" : rest.substring(newline + 1);
        } else {
            name = head;
            arguments = rest;
        }
        if (name.isEmpty()) {
            throw error(offset, "the call has no function name");
        }
        arguments = unfenced(offset, name, arguments.strip());
        JsonToolCalls.jsonObject(ToolCallFormat.DEEPSEEK, offset, arguments, "the arguments of '" + name + "'");
        return new ToolCall(ToolCallIds.of(index, name, arguments), name, arguments);
    }

    /** The text inside a {@code ```json ... ```} fence, or {@code text} itself when it has none. */
    private static String unfenced(int offset, String name, String text) {
        if (!text.startsWith(FENCE)) {
            return text;
        }
        int firstLineEnd = text.indexOf('\n');
        if (firstLineEnd < 0 || !text.endsWith(FENCE) || text.length() - FENCE.length() < firstLineEnd) {
            throw error(offset, "the arguments of '" + name + "' open a ``` fence that is not closed");
        }
        return text.substring(firstLineEnd + 1, text.length() - FENCE.length()).strip();
    }

    private static ToolCallParseException error(int offset, String detail) {
        return new ToolCallParseException(ToolCallFormat.DEEPSEEK, offset, detail);
    }
}
