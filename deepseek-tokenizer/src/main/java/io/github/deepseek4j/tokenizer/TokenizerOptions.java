package io.github.deepseek4j.tokenizer;

/**
 * Choices a caller makes when building a tokenizer from a vocabulary.
 *
 * @param defaultPreTokenizerForUnknown tokenize a vocabulary whose pre-tokenizer is unknown with the
 *        {@code default} split patterns instead of failing
 */
public record TokenizerOptions(boolean defaultPreTokenizerForUnknown) {

    /** Strict: an unknown pre-tokenizer is an error. */
    public static TokenizerOptions defaults() {
        return new TokenizerOptions(false);
    }

    /** Falls back to the {@code default} split patterns for an unknown pre-tokenizer. */
    public static TokenizerOptions allowDefaultPreTokenizer() {
        return new TokenizerOptions(true);
    }
}
