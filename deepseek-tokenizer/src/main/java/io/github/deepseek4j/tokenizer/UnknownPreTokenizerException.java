package io.github.deepseek4j.tokenizer;

/**
 * A byte-level BPE vocabulary names a pre-tokenizer ({@code tokenizer.ggml.pre}) we do not know.
 * Tokenizing with a guessed split pattern silently changes the ids, so this is an error unless the
 * caller opts into the default pattern ({@link TokenizerOptions#allowDefaultPreTokenizer()}).
 */
public final class UnknownPreTokenizerException extends TokenizerException {

    private final String preTokenizer;

    public UnknownPreTokenizerException(String preTokenizer) {
        super("unknown pre-tokenizer '" + preTokenizer + "' (tokenizer.ggml.pre); pass"
                + " TokenizerOptions.allowDefaultPreTokenizer() to tokenize with the default split pattern anyway");
        this.preTokenizer = preTokenizer;
    }

    public String preTokenizer() {
        return preTokenizer;
    }
}
