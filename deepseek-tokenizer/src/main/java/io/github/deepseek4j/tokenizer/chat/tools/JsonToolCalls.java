package io.github.deepseek4j.tokenizer.chat.tools;

import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.tokenizer.chat.ToolCall;

import java.util.List;
import java.util.Map;

/** Reading calls written as a JSON object ({@code {"name": ..., "arguments": {...}}}), for the Hermes and Llama formats. */
final class JsonToolCalls {

    private JsonToolCalls() {
    }

    /**
     * The call in {@code json}, a JSON object with a string {@code name} and the arguments under the first of
     * {@code argumentKeys} present: an object, or a string holding one (absent means no arguments).
     */
    static ToolCall call(ToolCallFormat format, int offset, int index, String json, List<String> argumentKeys) {
        Map<?, ?> object = jsonObject(format, offset, json, "the call");
        if (!(object.get("name") instanceof String name) || name.isBlank()) {
            throw new ToolCallParseException(format, offset, "the call has no \"name\": " + excerpt(json));
        }
        String arguments = "{}";
        for (String key : argumentKeys) {
            if (object.containsKey(key)) {
                arguments = arguments(format, offset, name, object.get(key));
                break;
            }
        }
        return new ToolCall(ToolCallIds.of(index, name, arguments), name, arguments);
    }

    /** Checks that {@code text} is a JSON object; {@code what} names it in the error. */
    static Map<?, ?> jsonObject(ToolCallFormat format, int offset, String text, String what) {
        Object value;
        try {
            value = Json.parse(text);
        } catch (Json.JsonException e) {
            throw new ToolCallParseException(format, offset, what + " is not valid JSON (" + e.getMessage() + "): "
                    + excerpt(text), e);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ToolCallParseException(format, offset, what + " is not a JSON object: " + excerpt(text));
        }
        return map;
    }

    private static String arguments(ToolCallFormat format, int offset, String name, Object value) {
        String what = "the arguments of '" + name + "'";
        return switch (value) {
            case Map<?, ?> map -> Json.write(map);
            case String text -> {
                jsonObject(format, offset, text, what); // some models quote the arguments object
                yield text.strip();
            }
            case null, default -> throw new ToolCallParseException(format, offset, what + " are not a JSON object: "
                    + Json.write(value));
        };
    }

    /**
     * The index just after the JSON object that starts at {@code start} (a '{'), or -1 when the text ends
     * first. Only brackets and strings are followed; {@link #call} checks the rest.
     */
    static int objectEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index of the first non-white-space char at or after {@code pos}. */
    static int skipWhiteSpace(String text, int pos) {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** At most 80 chars of {@code text} for an error message. */
    static String excerpt(String text) {
        String oneLine = text.strip().replace("\n", "\\n");
        return oneLine.length() <= 80 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 77) + "...'";
    }
}
