package io.github.deepseek4j.tokenizer;

/**
 * Turns text into token ids and back. Implementations are immutable and safe for concurrent use.
 */
public interface Tokenizer {

    /**
     * Encodes text.
     *
     * @param text the text
     * @param addSpecial add BOS/EOS as the vocabulary asks ({@link Vocabulary#addBos()}, {@link Vocabulary#addEos()})
     * @param parseSpecial match control tokens (such as {@code <｜end▁of▁sentence｜>}) written in the text;
     *        when false they are tokenized as plain text. User-defined tokens are always matched.
     */
    int[] encode(String text, boolean addSpecial, boolean parseSpecial);

    /** Encodes with BOS/EOS as the vocabulary asks and without parsing control tokens. */
    default int[] encode(String text) {
        return encode(text, true, false);
    }

    /** Decodes ids to text, leaving control tokens out; broken UTF-8 becomes U+FFFD. */
    default String decode(int[] ids) {
        return decode(ids, false);
    }

    /** Decodes ids to text; {@code renderSpecial} writes control tokens as their text. */
    String decode(int[] ids, boolean renderSpecial);

    /** The bytes a token stands for in decoded text (empty for control tokens unless {@code renderSpecial}). */
    byte[] pieceBytes(int id, boolean renderSpecial);

    /** A new decoder for a stream of generated tokens (not thread-safe itself). */
    StreamingDecoder streamingDecoder(boolean renderSpecial);

    /** The vocabulary text of a token, as stored (for byte-level BPE in the GPT-2 byte alphabet). */
    String tokenText(int id);

    TokenType tokenType(int id);

    int vocabularySize();

    /** Id of the beginning-of-sequence token or {@link SpecialTokenIds#NONE}. */
    int bosId();

    /** Id of the end-of-sequence token or {@link SpecialTokenIds#NONE}. */
    int eosId();

    /** Id of the end-of-turn token or {@link SpecialTokenIds#NONE}. */
    int eotId();

    /** Whether generation stops at this token (EOS, EOT, EOM and the vocabulary's known end-of-turn markers). */
    boolean isEndOfGeneration(int id);

    Vocabulary vocabulary();
}
