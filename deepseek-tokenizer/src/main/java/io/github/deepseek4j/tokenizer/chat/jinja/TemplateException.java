package io.github.deepseek4j.tokenizer.chat.jinja;

/** Base of every error a template raises while being parsed or rendered. */
public abstract class TemplateException extends RuntimeException {

    private final int line;

    TemplateException(String message, int line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    /** The 1-based template line at fault, or 0 when unknown. */
    public int line() {
        return line;
    }

    static String located(String detail, int line) {
        return line > 0 ? "line " + line + ": " + detail : detail;
    }
}
