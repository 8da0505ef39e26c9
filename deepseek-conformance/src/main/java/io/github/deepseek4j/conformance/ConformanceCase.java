package io.github.deepseek4j.conformance;

import io.github.deepseek4j.internal.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One conformance case ({@code cases/NAME.json} in a conformance directory): a model, a token sequence
 * of a prompt and its continuation, and the exact logits after each token. Paths in the file are relative
 * to the conformance directory.
 *
 * @param llamacppGreedy llama.cpp's greedy continuation of the prompt, or null
 */
public record ConformanceCase(String name, Path model, String weightType, boolean moe, int vocabulary,
                              int promptLength, int[] tokens, Path exactLogits, int[] llamacppGreedy) {

    /** The folder of case files inside a conformance directory. */
    public static final String CASES = "cases";

    /**
     * Every case of {@code directory} whose name matches {@code glob} (null: all), sorted by name.
     *
     * @throws NotDirectoryException when {@code directory} holds no {@code cases/} folder
     */
    public static List<ConformanceCase> discover(Path directory, String glob) throws IOException {
        Path cases = directory.resolve(CASES);
        if (!Files.isDirectory(cases)) {
            throw new NotDirectoryException(directory + " is not a conformance directory (no " + CASES + "/ folder)");
        }
        PathMatcher matcher = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<ConformanceCase> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(cases, "*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString().replaceFirst("\\.json$", "");
                if (matcher == null || matcher.matches(Path.of(name))) {
                    out.add(read(directory, f));
                }
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** Reads one case file of the conformance directory {@code directory}. */
    public static ConformanceCase read(Path directory, Path caseFile) throws IOException {
        String name = caseFile.getFileName().toString().replaceFirst("\\.json$", "");
        Map<?, ?> json;
        try {
            json = (Map<?, ?>) Json.parse(Files.readString(caseFile));
        } catch (RuntimeException e) {
            throw new IOException(caseFile + ": not a conformance case: " + e.getMessage(), e);
        }
        try {
            int[] tokens = ints(json.get("tokens"));
            int promptLength = ((Number) json.get("n_prompt")).intValue();
            if (promptLength < 1 || promptLength > tokens.length) {
                throw new IOException(caseFile + ": n_prompt = " + promptLength + " for " + tokens.length + " tokens");
            }
            return new ConformanceCase(name, directory.resolve((String) json.get("model")),
                    (String) json.get("weight_type"), Boolean.TRUE.equals(json.get("moe")),
                    ((Number) json.get("n_vocab")).intValue(), promptLength, tokens,
                    directory.resolve((String) json.get("exact_logits")),
                    json.get("llamacpp_greedy") == null ? null : ints(json.get("llamacpp_greedy")));
        } catch (ClassCastException | NullPointerException e) {
            throw new IOException(caseFile + ": a required field is missing or of the wrong type (" + e + ")", e);
        }
    }

    private static int[] ints(Object list) {
        List<?> l = (List<?>) list;
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).intValue();
        }
        return out;
    }

    /** The prompt: {@code tokens[0 .. promptLength)}. */
    public int[] prompt() {
        return java.util.Arrays.copyOf(tokens, promptLength);
    }

    /** The exact logits, {@code [tokens.length][vocabulary]}. */
    public float[][] readExactLogits() {
        try (FileChannel ch = FileChannel.open(exactLogits, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long expected = 4L * tokens.length * vocabulary;
            if (ch.size() != expected) {
                throw new IOException(exactLogits + ": " + ch.size() + " bytes, expected " + expected + " ("
                        + tokens.length + " rows of " + vocabulary + " floats)");
            }
            MemorySegment data = ch.map(FileChannel.MapMode.READ_ONLY, 0, expected, arena);
            ValueLayout.OfFloat le = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
            float[][] rows = new float[tokens.length][vocabulary];
            for (int r = 0; r < rows.length; r++) {
                MemorySegment.copy(data, le, 4L * r * vocabulary, rows[r], 0, vocabulary);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
