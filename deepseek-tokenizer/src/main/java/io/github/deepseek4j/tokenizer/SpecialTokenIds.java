package io.github.deepseek4j.tokenizer;

/**
 * Ids of a vocabulary's special tokens; {@link #NONE} where the vocabulary has none.
 *
 * @param bos beginning of sequence (for WordPiece: {@code [CLS]})
 * @param eos end of sequence (for WordPiece: {@code [SEP]})
 * @param eot end of turn
 * @param eom end of message (tool call pending)
 * @param unknown stands for text the vocabulary cannot express
 * @param padding padding
 */
public record SpecialTokenIds(int bos, int eos, int eot, int eom, int unknown, int padding) {

    public static final int NONE = -1;

    public static SpecialTokenIds none() {
        return new SpecialTokenIds(NONE, NONE, NONE, NONE, NONE, NONE);
    }

    void validate(int vocabularySize) {
        check("bos", bos, vocabularySize);
        check("eos", eos, vocabularySize);
        check("eot", eot, vocabularySize);
        check("eom", eom, vocabularySize);
        check("unknown", unknown, vocabularySize);
        check("padding", padding, vocabularySize);
    }

    private static void check(String name, int id, int vocabularySize) {
        if (id != NONE && (id < 0 || id >= vocabularySize)) {
            throw new TokenizerException(name + " token id " + id + " is outside the vocabulary of " + vocabularySize);
        }
    }
}
