package io.github.deepseek4j;

import java.util.Objects;

/**
 * A function call an assistant made.
 *
 * @param id        the call id tool results refer to (may be null)
 * @param name      the function name
 * @param arguments the arguments as JSON text, exactly as the model wrote them
 */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
