package io.github.deepseek4j.tokenizer.pretokenize;

import java.util.List;

/** Splits text into the pieces byte-level BPE merges within. Implementations are thread-safe. */
public interface PreTokenizer {

    /** Receives the pieces of a text as ranges, in order. */
    @FunctionalInterface
    interface PieceSink {
        void piece(int start, int end);
    }

    /** Splits {@code text[start, end)}, handing each non-empty piece to the sink. */
    void split(String text, int start, int end, PieceSink sink);

    /** The split patterns this pre-tokenizer applies. */
    List<String> patterns();

    /**
     * The pre-tokenizer for a list of split patterns: a hand-written one where we have it (the
     * same pieces, several times faster), else the patterns compiled as regular expressions.
     */
    static PreTokenizer of(List<String> patterns) {
        if (patterns.equals(DeepSeekV3Splitter.PATTERNS)) {
            return new DeepSeekV3Splitter();
        }
        if (patterns.equals(Llama3Splitter.LLAMA3_PATTERNS)) {
            return new Llama3Splitter(3);
        }
        if (patterns.equals(Llama3Splitter.QWEN2_PATTERNS)) {
            return new Llama3Splitter(1);
        }
        return new RegexPreTokenizer(patterns);
    }
}
