package io.github.deepseek4j.tokenizer;

import java.util.Locale;

/** The tokenization algorithm of a vocabulary, named as GGUF's {@code tokenizer.ggml.model}. */
public enum TokenizerKind {
    /** Byte-level BPE (GPT-2 family, every DeepSeek model). */
    BYTE_LEVEL_BPE("gpt2"),
    /** SentencePiece-style BPE over scores with byte fallback (LLaMA 1/2, Phi-3). */
    SENTENCE_PIECE("llama"),
    /** BERT WordPiece. */
    WORD_PIECE("bert");

    private final String ggufName;

    TokenizerKind(String ggufName) {
        this.ggufName = ggufName;
    }

    public String ggufName() {
        return ggufName;
    }

    /** The kind for a {@code tokenizer.ggml.model} value; throws {@link TokenizerException} when unsupported. */
    public static TokenizerKind fromGgufName(String name) {
        for (TokenizerKind k : values()) {
            if (k.ggufName.equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new TokenizerException("unsupported tokenizer model '" + name + "' (supported: gpt2, llama, bert)");
    }
}
