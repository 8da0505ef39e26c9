package io.github.deepseek4j.gguf;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.tokenizer.SpecialTokenIds;
import io.github.deepseek4j.tokenizer.TokenType;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerException;
import io.github.deepseek4j.tokenizer.TokenizerKind;
import io.github.deepseek4j.tokenizer.TokenizerOptions;
import io.github.deepseek4j.tokenizer.Tokenizers;
import io.github.deepseek4j.tokenizer.Vocabulary;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.deepseek4j.gguf.MetadataKey.*;

/** Reads the tokenizer a GGUF file describes in its {@code tokenizer.ggml.*} metadata. */
public final class GgufTokenizers {

    /** GGUF writes "no such token" as -1 in an unsigned 32-bit field. */
    private static final long UNSIGNED_NONE = 0xFFFFFFFFL;

    private GgufTokenizers() {
    }

    /** Opens the file and builds its tokenizer (strict about unknown pre-tokenizers). */
    public static Tokenizer load(Path path) throws IOException {
        try (GgufFile gguf = GgufFile.open(path)) {
            return load(gguf, TokenizerOptions.defaults());
        }
    }

    public static Tokenizer load(GgufFile gguf, TokenizerOptions options) throws ModelFormatException {
        Vocabulary vocabulary = vocabulary(gguf);
        try {
            return Tokenizers.create(vocabulary, options);
        } catch (TokenizerException e) {
            throw new ModelFormatException(gguf.path() + ": " + e.getMessage(), e);
        }
    }

    /** The vocabulary of the file; a missing or inconsistent key is a {@link ModelFormatException} naming it. */
    public static Vocabulary vocabulary(GgufFile gguf) throws ModelFormatException {
        GgufMetadata md = gguf.metadata();
        String source = gguf.path().toString();
        TokenizerKind kind;
        try {
            kind = TokenizerKind.fromGgufName(md.getString(TOKENIZER_MODEL.key()));
        } catch (TokenizerException e) {
            throw new ModelFormatException(source + ": " + TOKENIZER_MODEL.key() + ": " + e.getMessage(), e);
        }
        String[] tokens = md.getStringArray(TOKENIZER_TOKENS.key());
        TokenType[] types = tokenTypes(md, source, tokens.length);
        String[] merges = kind == TokenizerKind.BYTE_LEVEL_BPE ? md.getStringArray(TOKENIZER_MERGES.key()) : null;
        float[] scores = md.contains(TOKENIZER_SCORES.key()) ? md.getFloatArray(TOKENIZER_SCORES.key()) : null;
        if (scores != null && scores.length != tokens.length) {
            throw new ModelFormatException(source + ": " + TOKENIZER_SCORES.key() + " has " + scores.length + " entries for "
                    + tokens.length + " tokens");
        }
        boolean wordPiece = kind == TokenizerKind.WORD_PIECE;
        int bos = tokenId(md, source, TOKENIZER_BOS_ID.key(), tokens.length);
        int eos = tokenId(md, source, TOKENIZER_EOS_ID.key(), tokens.length);
        if (wordPiece) {
            // BERT frames a sequence as [CLS] ... [SEP]
            bos = bos != SpecialTokenIds.NONE ? bos : tokenId(md, source, TOKENIZER_CLS_ID.key(), tokens.length);
            eos = eos != SpecialTokenIds.NONE ? eos : tokenId(md, source, TOKENIZER_SEPARATOR_ID.key(), tokens.length);
        }
        SpecialTokenIds ids = new SpecialTokenIds(bos, eos,
                tokenId(md, source, TOKENIZER_EOT_ID.key(), tokens.length),
                tokenId(md, source, TOKENIZER_EOM_ID.key(), tokens.length),
                tokenId(md, source, TOKENIZER_UNKNOWN_ID.key(), tokens.length),
                tokenId(md, source, TOKENIZER_PADDING_ID.key(), tokens.length));
        boolean spm = kind == TokenizerKind.SENTENCE_PIECE;
        try {
            return new Vocabulary(kind, md.getString(TOKENIZER_PRE.key(), null), tokens, types, merges, scores, ids,
                    md.getBoolean(TOKENIZER_ADD_BOS.key(), spm || wordPiece), md.getBoolean(TOKENIZER_ADD_EOS.key(), wordPiece),
                    md.getBoolean(TOKENIZER_ADD_SPACE_PREFIX.key(), spm));
        } catch (TokenizerException e) {
            throw new ModelFormatException(source + ": tokenizer.ggml: " + e.getMessage(), e);
        }
    }

    private static TokenType[] tokenTypes(GgufMetadata md, String source, int count) throws ModelFormatException {
        if (!md.contains(TOKENIZER_TOKEN_TYPE.key())) {
            return null;
        }
        int[] codes = md.getIntArray(TOKENIZER_TOKEN_TYPE.key());
        if (codes.length != count) {
            throw new ModelFormatException(source + ": " + TOKENIZER_TOKEN_TYPE.key() + " has " + codes.length + " entries for "
                    + count + " tokens");
        }
        TokenType[] types = new TokenType[count];
        for (int i = 0; i < count; i++) {
            types[i] = TokenType.fromCode(codes[i]);
            if (types[i] == null) {
                throw new ModelFormatException(source + ": " + TOKENIZER_TOKEN_TYPE.key() + " element " + i + " = " + codes[i]
                        + " is not a token type");
            }
        }
        return types;
    }

    /** A token id key: absent or -1 means none; anything else must name a token. */
    private static int tokenId(GgufMetadata md, String source, String key, int vocabularySize)
            throws ModelFormatException {
        long id = md.getLong(key, -1);
        if (id == -1 || id == UNSIGNED_NONE) {
            return SpecialTokenIds.NONE;
        }
        if (id < 0 || id >= vocabularySize) {
            throw new ModelFormatException(source + ": metadata key '" + key + "' = " + id
                    + " is not a token id (vocabulary of " + vocabularySize + ")");
        }
        return (int) id;
    }
}
