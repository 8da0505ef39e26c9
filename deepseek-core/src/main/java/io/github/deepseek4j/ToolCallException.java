package io.github.deepseek4j;

/**
 * The model started a tool call it did not finish well (cut off by {@code maxTokens}, arguments that are not a
 * JSON object, a call without a name). The answer is kept: {@link #result()} holds it with the unread call left
 * in its content and no tool calls, so a caller can show it, retry, or ask the model to correct itself.
 */
public class ToolCallException extends DeepSeekException {

    private final transient ChatResult result;

    public ToolCallException(String message, ChatResult result, Throwable cause) {
        super(message, cause);
        this.result = result;
    }

    /** The answer whose tool call could not be read. */
    public ChatResult result() {
        return result;
    }
}
