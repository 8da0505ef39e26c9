package io.github.deepseek4j.tokenizer.chat.jinja;

/** The template text is not valid Jinja, or uses a construct this engine does not support. */
public final class TemplateSyntaxException extends TemplateException {

    private final String detail;

    TemplateSyntaxException(String detail, int line) {
        super(located(detail, line), line, null);
        this.detail = detail;
    }

    /** The message without the line prefix. */
    public String detail() {
        return detail;
    }
}
