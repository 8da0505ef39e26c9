package io.github.deepseek4j.cli;

import io.github.deepseek4j.ToolCall;
import io.github.deepseek4j.ToolDefinition;
import io.github.deepseek4j.internal.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code chat --tools FILE} file, a JSON array of tools in OpenAI's shape
 * ({@code {"type": "function", "function": {"name", "description", "parameters"}}}, or just the inner object),
 * and the JSON line a tool call is printed as.
 */
final class ToolsFile {

    private ToolsFile() {
    }

    /** @throws IllegalArgumentException the file is not such an array; the message names the file and the tool */
    static List<ToolDefinition> read(Path file) throws IOException {
        Object json;
        try {
            json = Json.parse(Files.readString(file));
        } catch (Json.JsonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!(json instanceof List<?> items)) {
            throw new IllegalArgumentException(file + ": expected a JSON array of tools");
        }
        List<ToolDefinition> tools = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            tools.add(tool(file, i, items.get(i)));
        }
        return tools;
    }

    private static ToolDefinition tool(Path file, int index, Object item) {
        String where = file + ": tool " + index + ": ";
        Map<?, ?> function = item instanceof Map<?, ?> m && m.get("function") instanceof Map<?, ?> inner ? inner
                : item instanceof Map<?, ?> m ? m : null;
        if (function == null || !(function.get("name") instanceof String name)) {
            throw new IllegalArgumentException(where + "expected an object with a \"name\"");
        }
        if (function.get("description") != null && !(function.get("description") instanceof String)) {
            throw new IllegalArgumentException(where + "\"description\" must be a string");
        }
        Object parameters = function.get("parameters");
        try {
            return new ToolDefinition(name, (String) function.get("description"),
                    parameters == null ? ToolDefinition.NO_PARAMETERS : Json.write(parameters));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    /** One line: {@code {"tool_call": {"id": ..., "name": ..., "arguments": {...}}}}, the arguments on one line. */
    static String line(ToolCall call) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", call.id());
        fields.put("name", call.name());
        fields.put("arguments", Json.parse(call.arguments())); // read as a JSON object already
        return Json.write(Map.of("tool_call", fields));
    }
}
