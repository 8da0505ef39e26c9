package io.github.deepseek4j.tokenizer;

/** A vocabulary or tokenizer description that cannot be used; the message names what is at fault. */
public class TokenizerException extends IllegalArgumentException {

    public TokenizerException(String message) {
        super(message);
    }

    public TokenizerException(String message, Throwable cause) {
        super(message, cause);
    }
}
