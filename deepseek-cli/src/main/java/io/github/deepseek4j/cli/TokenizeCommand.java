package io.github.deepseek4j.cli;

import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code deepseek tokenize MODEL_OR_TOKENIZER TEXT}: the tokens of a text. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Show the tokens of a text: one line per token (id and piece), or only the ids.")
final class TokenizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_OR_TOKENIZER",
            description = "GGUF model or vocabulary, a tokenizer.json, or a directory holding one")
    Path source;

    @Parameters(index = "1", paramLabel = "TEXT", description = "text to tokenize")
    String text;

    @Option(names = "--ids", description = "Print only the ids, separated by spaces.")
    boolean idsOnly;

    @Option(names = "--no-bos", description = "Do not add BOS/EOS even where the vocabulary asks for them.")
    boolean noBos;

    @Option(names = "--special", description = "Match control tokens written in the text (e.g. <｜end▁of▁sentence｜>).")
    boolean parseSpecial;

    @Option(names = "--default-pre", description = "Use the default split patterns for an unknown pre-tokenizer.")
    boolean defaultPre;

    @Override
    public Integer call() throws Exception {
        Tokenizer tokenizer = TokenizerFiles.open(source,
                defaultPre ? TokenizerOptions.allowDefaultPreTokenizer() : TokenizerOptions.defaults());
        int[] ids = tokenizer.encode(text, !noBos, parseSpecial);
        PrintWriter out = spec.commandLine().getOut();
        if (idsOnly) {
            out.println(Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
        } else {
            for (int id : ids) {
                out.printf("%8d  %s%n", id, showPiece(tokenizer.pieceBytes(id, true)));
            }
            out.printf("%d tokens%n", ids.length);
        }
        out.flush();
        return DeepSeekCli.EXIT_OK;
    }

    /** The piece as quoted text, or as hex bytes when it is part of a character (byte-level BPE splits them). */
    private static String showPiece(byte[] piece) {
        String text = new String(piece, StandardCharsets.UTF_8);
        if (Arrays.equals(text.getBytes(StandardCharsets.UTF_8), piece)) {
            return quote(text);
        }
        StringBuilder hex = new StringBuilder("bytes");
        for (byte b : piece) {
            hex.append(String.format(" %02X", b & 0xFF));
        }
        return hex.toString();
    }

    /** The piece in quotes with line breaks, tabs and other controls escaped so each token stays on one line. */
    static String quote(String piece) {
        StringBuilder sb = new StringBuilder("'");
        piece.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                default -> {
                    if (Character.isISOControl(cp)) {
                        sb.append(String.format("\\x%02x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append('\'').toString();
    }
}
