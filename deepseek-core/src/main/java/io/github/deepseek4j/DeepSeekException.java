package io.github.deepseek4j;

/**
 * The root of the library's unchecked exceptions: catch it to handle anything the model, a session or a chat
 * template refused. Files that cannot be read fail with {@link java.io.IOException} instead (malformed ones with
 * {@link ModelFormatException}), as file errors do across the JDK.
 */
public class DeepSeekException extends RuntimeException {

    public DeepSeekException(String message) {
        super(message);
    }

    public DeepSeekException(String message, Throwable cause) {
        super(message, cause);
    }
}
