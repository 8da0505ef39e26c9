/**
 * Tokenizers for DeepSeek-family models: turn text into token ids and back, exactly as the
 * reference implementations do.
 *
 * <p>Entry points: describe a vocabulary with {@link io.github.deepseek4j.tokenizer.Vocabulary}
 * (the core module's {@code GgufTokenizers} reads one from GGUF metadata) and build the
 * {@link io.github.deepseek4j.tokenizer.Tokenizer} with {@link io.github.deepseek4j.tokenizer.Tokenizers};
 * or load a Hugging Face {@code tokenizer.json} with
 * {@link io.github.deepseek4j.tokenizer.hf.HuggingFaceTokenizer}. Algorithms live in sub-packages:
 * {@code bpe} (byte-level BPE), {@code spm} (SentencePiece), {@code wordpiece} (BERT), with the
 * split patterns of every known pre-tokenizer in {@code pretokenize} (compiled once, or for
 * DeepSeek-V3, LLaMA 3 and Qwen 2 hand-written splitters that give the same pieces).
 *
 * <p>Choices where the references differ, all checked against the shared test vectors:
 * <ul>
 *   <li>User-defined tokens (added plain-text tokens such as DeepSeek-Coder's {@code ü} or
 *       {@code <|EOT|>}) are matched in text always, control tokens only when the caller parses
 *       special tokens: llama.cpp's rule, which the vectors require.</li>
 *   <li>Special tokens are found leftmost first, the longest at a position winning (Hugging
 *       Face's rule); llama.cpp instead takes the longest token anywhere first. They differ only
 *       when two special tokens overlap in the text.</li>
 *   <li>Split patterns use true Unicode categories; llama.cpp's regex fallback leaves ASCII
 *       {@code ~} out of {@code \p{S}}, which changes DeepSeek-V3 splits such as {@code "!~"}.
 *       Hugging Face (what the models were trained with) agrees with us.</li>
 *   <li>SentencePiece merges only into normal and user-defined tokens, never into control or
 *       byte tokens (so the text {@code <s>} stays text), as SentencePiece itself does.</li>
 * </ul>
 */
package io.github.deepseek4j.tokenizer;
