package io.github.deepseek4j.tokenizer;

import io.github.deepseek4j.tokenizer.bpe.ByteLevelBpeTokenizer;
import io.github.deepseek4j.tokenizer.pretokenize.PreTokenizerPatterns;
import io.github.deepseek4j.tokenizer.pretokenize.RegexPreTokenizer;
import io.github.deepseek4j.tokenizer.spm.SentencePieceTokenizer;
import io.github.deepseek4j.tokenizer.wordpiece.WordPieceTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Builds the tokenizer a {@link Vocabulary} describes. */
public final class Tokenizers {

    private static final Logger LOG = LoggerFactory.getLogger(Tokenizers.class);

    private Tokenizers() {
    }

    /** A tokenizer for the vocabulary; an unknown pre-tokenizer is an error. */
    public static Tokenizer create(Vocabulary vocabulary) {
        return create(vocabulary, TokenizerOptions.defaults());
    }

    /**
     * A tokenizer for the vocabulary.
     *
     * @throws UnknownPreTokenizerException when a byte-level BPE vocabulary names a pre-tokenizer we
     *         do not know and the options do not allow the default patterns
     */
    public static Tokenizer create(Vocabulary vocabulary, TokenizerOptions options) {
        return switch (vocabulary.kind()) {
            case BYTE_LEVEL_BPE -> {
                String name = preTokenizerName(vocabulary.preTokenizer(), options);
                yield new ByteLevelBpeTokenizer(vocabulary, new RegexPreTokenizer(patterns(name)),
                        PreTokenizerPatterns.ignoresMerges(name));
            }
            case SENTENCE_PIECE -> new SentencePieceTokenizer(vocabulary);
            case WORD_PIECE -> new WordPieceTokenizer(vocabulary);
        };
    }

    private static String preTokenizerName(String name, TokenizerOptions options) {
        if (name == null || name.isEmpty()) {
            // vocabularies converted before tokenizer.ggml.pre existed: llama.cpp uses the default too
            LOG.warn("the vocabulary names no pre-tokenizer (tokenizer.ggml.pre); using '{}'", PreTokenizerPatterns.DEFAULT);
            return PreTokenizerPatterns.DEFAULT;
        }
        if (PreTokenizerPatterns.forName(name).isPresent()) {
            return name;
        }
        if (!options.defaultPreTokenizerForUnknown()) {
            throw new UnknownPreTokenizerException(name);
        }
        LOG.warn("unknown pre-tokenizer '{}'; using '{}' as the caller allowed", name, PreTokenizerPatterns.DEFAULT);
        return PreTokenizerPatterns.DEFAULT;
    }

    private static List<String> patterns(String name) {
        return PreTokenizerPatterns.forName(name).orElseThrow();
    }
}
