package io.github.deepseek4j.tokenizer;

/** The role of a vocabulary entry, with the codes GGUF stores in {@code tokenizer.ggml.token_type}. */
public enum TokenType {
    UNDEFINED(0),
    NORMAL(1),
    UNKNOWN(2),
    /** Markup such as BOS/EOS: matched in text only when the caller asks, not rendered by default. */
    CONTROL(3),
    /** Added plain-text tokens: always matched in text as a whole, rendered as their text. */
    USER_DEFINED(4),
    UNUSED(5),
    /** SentencePiece byte-fallback tokens {@code <0xXX>}. */
    BYTE(6);

    private static final TokenType[] BY_CODE = values();

    private final int code;

    TokenType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this GGUF code, or {@code null} when the code is not one of ours. */
    public static TokenType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Whether tokens of this type are markup that is matched in text only when special tokens are parsed. */
    public boolean isSpecialMarkup() {
        return this == CONTROL || this == UNKNOWN;
    }
}
