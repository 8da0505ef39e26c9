package io.github.deepseek4j.cli;

import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufTokenizers;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerOptions;
import io.github.deepseek4j.tokenizer.hf.HuggingFaceTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a tokenizer from a GGUF model, a {@code tokenizer.json}, or a directory holding one. */
final class TokenizerFiles {

    private TokenizerFiles() {
    }

    static Tokenizer open(Path path, TokenizerOptions options) throws IOException {
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        if (Files.isDirectory(path) || path.getFileName().toString().endsWith(".json")) {
            return HuggingFaceTokenizer.load(path);
        }
        try (GgufFile gguf = GgufFile.open(path)) {
            return GgufTokenizers.load(gguf, options);
        }
    }
}
