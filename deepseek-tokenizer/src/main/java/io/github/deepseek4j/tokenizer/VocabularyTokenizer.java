package io.github.deepseek4j.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * What every tokenizer over a {@link Vocabulary} shares: special-token matching, BOS/EOS, decoding
 * through per-token byte pieces, end-of-generation ids. Subclasses tokenize the plain-text ranges.
 */
public abstract class VocabularyTokenizer implements Tokenizer {

    private static final byte[] EMPTY = new byte[0];

    /** End-of-turn markers of common chat formats, most specific first: the first present is the EOT id. */
    private static final List<String> END_OF_TURN_TEXTS = List.of(
            "<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|EOT|>", "<EOT>");

    /** Further markers that also end generation (llama.cpp stops at them too). */
    private static final Set<String> END_OF_GENERATION_TEXTS = Set.of(
            "<|endoftext|>", "<|eom_id|>", "<|end_of_text|>", "<｜end▁of▁sentence｜>");

    private final Vocabulary vocabulary;
    private final SpecialTokenMatcher specialTokens;
    private final byte[][] pieces;
    private final boolean stripLeadingSpace;
    private final int eotId;
    private final BitSet endOfGeneration = new BitSet();

    /**
     * @param pieces the decoded bytes of every token, by id
     * @param stripLeadingSpace whether decoding drops the space the encoder put in front of the text
     */
    protected VocabularyTokenizer(Vocabulary vocabulary, byte[][] pieces, boolean stripLeadingSpace) {
        this.vocabulary = Objects.requireNonNull(vocabulary);
        if (pieces.length != vocabulary.size()) {
            throw new IllegalArgumentException("pieces for " + pieces.length + " of " + vocabulary.size() + " tokens");
        }
        this.pieces = pieces;
        this.stripLeadingSpace = stripLeadingSpace;
        this.specialTokens = new SpecialTokenMatcher(vocabulary);
        SpecialTokenIds ids = vocabulary.specialIds();
        int eot = ids.eot();
        int eotRank = Integer.MAX_VALUE;
        for (int id = 0; id < vocabulary.size(); id++) {
            TokenType type = vocabulary.type(id);
            if (type != TokenType.CONTROL && type != TokenType.USER_DEFINED) {
                continue;
            }
            String text = vocabulary.token(id);
            int rank = END_OF_TURN_TEXTS.indexOf(text);
            if (rank >= 0 || END_OF_GENERATION_TEXTS.contains(text)) {
                endOfGeneration.set(id);
            }
            if (rank >= 0 && rank < eotRank && ids.eot() == SpecialTokenIds.NONE) {
                eot = id;
                eotRank = rank;
            }
        }
        this.eotId = eot;
        for (int id : new int[] {ids.eos(), eot, ids.eom()}) {
            if (id != SpecialTokenIds.NONE) {
                endOfGeneration.set(id);
            }
        }
    }

    /**
     * Tokenizes {@code text[start, end)}, a range free of special tokens, appending ids to {@code out}.
     *
     * @param atStart whether the range begins the input or follows a special token
     */
    protected abstract void encodeText(String text, int start, int end, boolean atStart, TokenIdList out);

    @Override
    public int[] encode(String text, boolean addSpecial, boolean parseSpecial) {
        Objects.requireNonNull(text, "text");
        TokenIdList out = new TokenIdList(text.length() / 3 + 4);
        SpecialTokenIds ids = vocabulary.specialIds();
        if (addSpecial && vocabulary.addBos() && ids.bos() != SpecialTokenIds.NONE) {
            out.add(ids.bos());
        }
        specialTokens.split(text, parseSpecial, new SpecialTokenMatcher.Sink() {
            private boolean atStart = true;

            @Override
            public void text(int start, int end) {
                encodeText(text, start, end, atStart, out);
                atStart = false;
            }

            @Override
            public void token(int id) {
                out.add(id);
                atStart = true;
            }
        });
        if (addSpecial && vocabulary.addEos() && ids.eos() != SpecialTokenIds.NONE) {
            out.add(ids.eos());
        }
        return out.toArray();
    }

    @Override
    public String decode(int[] ids, boolean renderSpecial) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        boolean first = stripLeadingSpace;
        for (int id : ids) {
            byte[] piece = pieceBytes(id, renderSpecial);
            int from = 0;
            if (first && piece.length > 0) {
                first = false;
                from = piece[0] == ' ' ? 1 : 0;
            }
            bytes.write(piece, from, piece.length - from);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] pieceBytes(int id, boolean renderSpecial) {
        Objects.checkIndex(id, pieces.length);
        if (!renderSpecial && vocabulary.type(id).isSpecialMarkup()) {
            return EMPTY;
        }
        return pieces[id].clone();
    }

    @Override
    public StreamingDecoder streamingDecoder(boolean renderSpecial) {
        return new StreamingDecoder(this, renderSpecial, stripLeadingSpace);
    }

    @Override
    public String tokenText(int id) {
        return vocabulary.token(id);
    }

    @Override
    public TokenType tokenType(int id) {
        return vocabulary.type(id);
    }

    @Override
    public int vocabularySize() {
        return vocabulary.size();
    }

    @Override
    public int bosId() {
        return vocabulary.specialIds().bos();
    }

    @Override
    public int eosId() {
        return vocabulary.specialIds().eos();
    }

    @Override
    public int eotId() {
        return eotId;
    }

    @Override
    public boolean isEndOfGeneration(int id) {
        return id >= 0 && endOfGeneration.get(id);
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Returns the vocabulary, or throws when it is for another algorithm than the subclass implements. */
    protected static Vocabulary requireKind(Vocabulary vocabulary, TokenizerKind kind) {
        if (vocabulary.kind() != kind) {
            throw new TokenizerException("not a " + kind + " vocabulary: " + vocabulary);
        }
        return vocabulary;
    }

    /** The decoded bytes of every token, by id, computed by {@code piece} from the id. */
    protected static byte[][] pieces(Vocabulary vocabulary, IntFunction<byte[]> piece) {
        byte[][] pieces = new byte[vocabulary.size()][];
        for (int id = 0; id < pieces.length; id++) {
            pieces[id] = piece.apply(id);
        }
        return pieces;
    }

    /** UTF-8 bytes of a string. */
    protected static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The text of a token with SentencePiece's word marker U+2581 turned back into spaces. */
    protected static byte[] utf8WithSpaces(String s) {
        return utf8(s.replace('\u2581', ' '));
    }
}
