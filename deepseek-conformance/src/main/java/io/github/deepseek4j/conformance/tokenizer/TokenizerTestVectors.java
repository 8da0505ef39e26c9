package io.github.deepseek4j.conformance.tokenizer;

import io.github.deepseek4j.tokenizer.Tokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * llama.cpp's tokenizer test vectors: {@code X.inp} holds the inputs, each followed by a line
 * {@code __ggml_vocab_test__}; {@code X.out} holds one line per input with the expected ids
 * separated by spaces (encoded without BOS, control tokens not parsed).
 */
public final class TokenizerTestVectors {

    /** What follows every input in the {@code .inp} file. */
    public static final String SEPARATOR = "\n__ggml_vocab_test__\n";

    /** One input and the ids it must encode to. */
    public record Case(String input, int[] expected) {
    }

    /** The outcome of one case. */
    public record Result(Case testCase, int[] actual) {
        public boolean passed() {
            return Arrays.equals(testCase.expected, actual);
        }
    }

    private TokenizerTestVectors() {
    }

    /** Reads a pair of files; throws {@link IOException} when they are malformed or disagree in count. */
    public static List<Case> read(Path inp, Path out) throws IOException {
        List<String> inputs = splitInputs(Files.readString(inp, StandardCharsets.UTF_8));
        String outText = Files.readString(out, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(outText.split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty() && outText.endsWith("\n")) {
            lines.removeLast();
        }
        if (lines.size() != inputs.size()) {
            throw new IOException(out + ": " + lines.size() + " lines of ids for " + inputs.size() + " inputs in " + inp);
        }
        List<Case> cases = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            cases.add(new Case(inputs.get(i), parseIds(lines.get(i), out, i + 1)));
        }
        return cases;
    }

    /** Runs every case: no BOS/EOS, control tokens not parsed. */
    public static List<Result> run(Tokenizer tokenizer, List<Case> cases) {
        return cases.stream().map(c -> new Result(c, tokenizer.encode(c.input(), false, false))).toList();
    }

    static List<String> splitInputs(String raw) {
        List<String> inputs = new ArrayList<>();
        int pos = 0;
        while (pos < raw.length()) {
            int next = raw.indexOf(SEPARATOR, pos);
            if (next < 0) {
                inputs.add(raw.substring(pos));
                break;
            }
            inputs.add(raw.substring(pos, next));
            pos = next + SEPARATOR.length();
        }
        return inputs;
    }

    private static int[] parseIds(String line, Path file, int lineNumber) throws IOException {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        String[] parts = trimmed.split(" +");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + lineNumber + ": '" + parts[i] + "' is not a token id", e);
            }
        }
        return ids;
    }
}
