package io.github.deepseek4j;

import io.github.deepseek4j.internal.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A function the model may call, as OpenAI's {@code tools} describe it (and Spring AI's
 * {@code ToolDefinition}, LangChain4j's {@code ToolSpecification}): the model's chat template shows it to the
 * model in its own words.
 *
 * <pre>{@code
 * ToolDefinition weather = new ToolDefinition("get_weather", "Current weather for a city",
 *         """
 *         {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}""");
 * }</pre>
 *
 * @param name        the function name the model writes in its call
 * @param description what the function does, for the model (null: none)
 * @param parameters  the JSON Schema of the arguments object, as JSON text
 * @throws IllegalArgumentException the name is blank or {@code parameters} is not a JSON object
 */
public record ToolDefinition(String name, String description, String parameters) {

    /** The schema of a function without arguments. */
    public static final String NO_PARAMETERS = "{\"type\": \"object\", \"properties\": {}}";

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tool needs a name");
        }
        schema(name, parameters);
    }

    /** The OpenAI-style map the templates read: {@code {"type": "function", "function": {name, description, parameters}}}. */
    Map<String, Object> toTemplateValue() {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", name);
        if (description != null) {
            function.put("description", description);
        }
        function.put("parameters", schema(name, parameters));
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("type", "function");
        tool.put("function", function);
        return tool;
    }

    private static Map<?, ?> schema(String name, String parameters) {
        Object parsed;
        try {
            parsed = Json.parse(parameters);
        } catch (Json.JsonException e) {
            throw new IllegalArgumentException("the parameters of tool '" + name + "' are not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the parameters of tool '" + name + "' are not a JSON object (a JSON Schema)");
        }
        return map;
    }
}
