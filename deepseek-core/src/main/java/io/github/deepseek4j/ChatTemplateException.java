package io.github.deepseek4j;

/**
 * The model's chat template refused a conversation (for example roles that do not alternate, raised by the
 * template itself) or failed while rendering it. The message is the template's; the cause is the template
 * engine's own exception.
 */
public class ChatTemplateException extends DeepSeekException {

    public ChatTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
