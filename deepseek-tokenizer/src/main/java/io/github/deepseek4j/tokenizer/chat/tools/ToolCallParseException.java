package io.github.deepseek4j.tokenizer.chat.tools;

/**
 * Model output that starts a tool call but does not finish it well: an unterminated block, arguments
 * that are not a JSON object, a call without a name. The message names the format, the offset in the
 * output and, when known, the function.
 */
public class ToolCallParseException extends RuntimeException {

    private final ToolCallFormat format;
    private final int offset;

    public ToolCallParseException(ToolCallFormat format, int offset, String detail) {
        this(format, offset, detail, null);
    }

    public ToolCallParseException(ToolCallFormat format, int offset, String detail, Throwable cause) {
        super(format.displayName() + " tool call at offset " + offset + ": " + detail, cause);
        this.format = format;
        this.offset = offset;
    }

    public ToolCallFormat format() {
        return format;
    }

    /** Where in the output (in chars) the faulty call starts. */
    public int offset() {
        return offset;
    }
}
