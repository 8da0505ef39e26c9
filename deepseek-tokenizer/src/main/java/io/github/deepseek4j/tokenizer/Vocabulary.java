package io.github.deepseek4j.tokenizer;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A plain description of a tokenizer's vocabulary, independent of the file it came from (GGUF
 * metadata {@code tokenizer.ggml.*} or a Hugging Face {@code tokenizer.json}).
 *
 * <p>The arrays are copied in; accessors never expose them for writing.
 */
public final class Vocabulary {

    private final TokenizerKind kind;
    private final String preTokenizer;
    private final String[] tokens;
    private final TokenType[] types;
    private final String[] merges;
    private final float[] scores;
    private final SpecialTokenIds specialIds;
    private final boolean addBos;
    private final boolean addEos;
    private final boolean addSpacePrefix;

    /**
     * @param kind the algorithm
     * @param preTokenizer the {@code tokenizer.ggml.pre} name (byte-level BPE), or {@code null} when absent
     * @param tokens token texts, by id (byte-level BPE: in the GPT-2 byte alphabet)
     * @param types token types, by id ({@code null}: every token is {@link TokenType#NORMAL})
     * @param merges BPE merges {@code "left right"} by rank (byte-level BPE; otherwise empty or {@code null})
     * @param scores piece scores by id (SentencePiece; otherwise {@code null})
     * @param specialIds ids of special tokens
     * @param addBos whether encoding adds BOS by default
     * @param addEos whether encoding adds EOS by default
     * @param addSpacePrefix SentencePiece: whether text gets a leading space before tokenizing
     */
    public Vocabulary(TokenizerKind kind, String preTokenizer, String[] tokens, TokenType[] types, String[] merges,
                      float[] scores, SpecialTokenIds specialIds, boolean addBos, boolean addEos,
                      boolean addSpacePrefix) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.preTokenizer = preTokenizer;
        this.tokens = Objects.requireNonNull(tokens, "tokens").clone();
        if (this.tokens.length == 0) {
            throw new TokenizerException("the vocabulary has no tokens");
        }
        for (int i = 0; i < this.tokens.length; i++) {
            if (this.tokens[i] == null) {
                throw new TokenizerException("token " + i + " has no text");
            }
        }
        if (types == null) {
            this.types = new TokenType[this.tokens.length];
            Arrays.fill(this.types, TokenType.NORMAL);
        } else {
            requireLength("token types", types.length);
            this.types = types.clone();
            for (int i = 0; i < this.types.length; i++) {
                if (this.types[i] == null) {
                    throw new TokenizerException("token " + i + " has no type");
                }
            }
        }
        this.merges = merges == null ? new String[0] : merges.clone();
        if (scores != null) {
            requireLength("scores", scores.length);
        }
        this.scores = scores == null ? null : scores.clone();
        this.specialIds = Objects.requireNonNull(specialIds, "specialIds");
        specialIds.validate(this.tokens.length);
        this.addBos = addBos;
        this.addEos = addEos;
        this.addSpacePrefix = addSpacePrefix;
    }

    private void requireLength(String what, int length) {
        if (length != tokens.length) {
            throw new TokenizerException(what + " has " + length + " entries for " + tokens.length + " tokens");
        }
    }

    public TokenizerKind kind() {
        return kind;
    }

    /** The pre-tokenizer name, or {@code null} when the vocabulary names none. */
    public String preTokenizer() {
        return preTokenizer;
    }

    public int size() {
        return tokens.length;
    }

    public String token(int id) {
        return tokens[id];
    }

    public TokenType type(int id) {
        return types[id];
    }

    public List<String> tokens() {
        return Collections.unmodifiableList(Arrays.asList(tokens));
    }

    public List<String> merges() {
        return Collections.unmodifiableList(Arrays.asList(merges));
    }

    public boolean hasScores() {
        return scores != null;
    }

    /** The score of a token; 0 when the vocabulary has no scores. */
    public float score(int id) {
        return scores == null ? 0f : scores[id];
    }

    public SpecialTokenIds specialIds() {
        return specialIds;
    }

    public boolean addBos() {
        return addBos;
    }

    public boolean addEos() {
        return addEos;
    }

    public boolean addSpacePrefix() {
        return addSpacePrefix;
    }

    @Override
    public String toString() {
        return "Vocabulary[" + kind.ggufName() + (preTokenizer == null ? "" : "/" + preTokenizer) + ", "
                + tokens.length + " tokens, " + merges.length + " merges]";
    }
}
