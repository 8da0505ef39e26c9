package io.github.deepseek4j.tokenizer.chat.jinja;

/**
 * Rendering failed: an undefined value was used, an operation got the wrong types, a limit was
 * exceeded. The message follows Python's wording where jinja2 would raise a Python error.
 */
public final class TemplateRuntimeException extends TemplateException {

    private final String detail;

    TemplateRuntimeException(String detail) {
        this(detail, 0);
    }

    private TemplateRuntimeException(String detail, int line) {
        super(located(detail, line), line, null);
        this.detail = detail;
    }

    /** The message without the line prefix. */
    public String detail() {
        return detail;
    }

    /** This error located at {@code line}, unless it already names one. */
    TemplateRuntimeException atLine(int line) {
        return line() > 0 || line <= 0 ? this : new TemplateRuntimeException(detail, line);
    }
}
