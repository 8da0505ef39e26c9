package io.github.deepseek4j.tokenizer.chat.jinja;

/**
 * The template itself refused to render by calling {@code raise_exception(message)}, e.g.
 * "System role not supported". {@link #getMessage()} is exactly the template's message.
 */
public final class TemplateRaisedException extends TemplateException {

    TemplateRaisedException(String message, int line) {
        super(message, line, null);
    }

    /** This error located at {@code line}, unless it already names one. */
    TemplateRaisedException atLine(int line) {
        return line() > 0 || line <= 0 ? this : new TemplateRaisedException(getMessage(), line);
    }
}
