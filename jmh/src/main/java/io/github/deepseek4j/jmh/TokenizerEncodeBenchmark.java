package io.github.deepseek4j.jmh;

import io.github.deepseek4j.gguf.GgufTokenizers;
import io.github.deepseek4j.tokenizer.Tokenizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Encoding throughput of the DeepSeek-V3 tokenizer on English prose (tiny Shakespeare), Java code
 * (this repository's sources) and Chinese text. Each operation encodes the next 64 KiB chunk of
 * the text, cycling, so the tokenizer's piece cache sees a stream rather than one string;
 * MB/s = 0.065536 * ops/s (see docs/performance.md). Run from the repository root; needs
 * ../shared (or -Ddeepseek.shared=DIR).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TokenizerEncodeBenchmark {

    /** Bytes of text each operation encodes. */
    static final int TEXT_BYTES = 64 * 1024;

    /** Chinese prose written for this benchmark (about the weather, a library and a train trip), repeated. */
    private static final String CHINESE = """
            今天早上下了一场小雨，街道上的行人都撑着伞匆匆走过。图书馆九点开门，我在门口等了十分钟，\
            然后找到一个靠窗的位置，开始阅读一本关于古代建筑的书。书中写道，木结构的房屋之所以能够保存千年，\
            是因为工匠们懂得如何让材料适应气候的变化。中午我在附近的小餐馆吃了一碗牛肉面，价格是二十八元。\
            下午三点，我坐上了去海边的火车，窗外的稻田和山丘一片接一片地向后退去。列车员说，\
            这条铁路修建于一九五六年，当时全靠人力开凿隧道。到达终点站的时候，太阳已经快要落山了。
            """;

    @Param({"prose", "code", "cjk"})
    public String text;

    private Tokenizer tokenizer;
    private List<String> chunks;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Path shared = Path.of(System.getProperty("deepseek.shared", "../shared"));
        tokenizer = GgufTokenizers.load(shared.resolve("tokenizer/ggml-vocab-deepseek-v3.gguf"));
        String source = switch (text) {
            case "prose" -> Files.readString(shared.resolve("corpus/tinyshakespeare.txt"));
            case "code" -> javaSources(Path.of("."));
            case "cjk" -> CHINESE.repeat(2 * TEXT_BYTES / CHINESE.getBytes(StandardCharsets.UTF_8).length + 1);
            default -> throw new IllegalArgumentException(text);
        };
        chunks = chunks(source, TEXT_BYTES);
    }

    @Benchmark
    public int[] encode() {
        String chunk = chunks.get(next);
        next = (next + 1) % chunks.size();
        return tokenizer.encode(chunk, false, false);
    }

    /** This repository's own main Java sources, concatenated (real code with comments and indentation). */
    private static String javaSources(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/"))
                    .sorted().toList()) {
                sb.append(Files.readString(p));
            }
        }
        return sb.toString();
    }

    /** Consecutive pieces of whole characters, each exactly {@code bytes} UTF-8 bytes or just under. */
    private static List<String> chunks(String s, int bytes) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (n + len > bytes) {
                chunks.add(s.substring(start, i));
                start = i;
                n = 0;
            }
            n += len;
            i += Character.charCount(cp);
        }
        if (chunks.isEmpty()) {
            throw new IllegalStateException("less than " + bytes + " bytes of text");
        }
        return chunks;
    }
}
