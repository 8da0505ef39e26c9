package io.github.deepseek4j.fuzz;

import io.github.deepseek4j.gguf.GgufArray;
import io.github.deepseek4j.gguf.GgufFormatException;
import io.github.deepseek4j.gguf.GgufParser;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerException;
import io.github.deepseek4j.tokenizer.chat.BuiltinTemplate;
import io.github.deepseek4j.tokenizer.chat.ChatMessage;
import io.github.deepseek4j.tokenizer.chat.ChatTemplate;
import io.github.deepseek4j.tokenizer.chat.ToolCall;
import io.github.deepseek4j.tokenizer.chat.jinja.TemplateException;
import io.github.deepseek4j.tokenizer.hf.HuggingFaceTokenizer;
import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.tools.convert.SafetensorsReading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The four readers of untrusted input that issue 18 fuzzes, with seeds generated here. */
final class FuzzTargets {

    private static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "\\u", "\\ud800", "null",
            "true", "-", "0", "1e999", "-1", "9223372036854775808", "1.5", "\"type\"", "\"BPE\"", "\"vocab\"",
            "\"merges\"", "\"added_tokens\"", "\"pre_tokenizer\"", "\"Sequence\"", "\"Split\"", "\"pattern\"", "\"Regex\"",
            "\"(a|b)*\"", "\"dtype\"", "\"shape\"", "\"data_offsets\"", "\"F32\"", "\"BF16\"", "\"F8_E4M3\"");
    private static final List<String> TEMPLATE_TOKENS = List.of("{{", "}}", "{%", "%}", "{#", "#}", "{%-", "-%}", " if ",
            " else ", " endif ", " for ", " in ", " endfor ", " set ", " endset ", " macro ", " endmacro ", "(", ")", "[",
            "]", "{", "}", ",", ":", ".", "|", " ~ ", " + ", " * ", " ** ", " // ", " % ", " and ", " or ", " not ",
            " is ", "'", "\"", "9223372036854775807", "-1", "namespace(", "ns.s", "range(", "loop.index", "messages",
            "message['content']", "|tojson", "|join", "|length", "|list", "|sort", "|string", "|replace('', 'x')",
            "raise_exception(", "break", "continue", "recursive");

    private FuzzTargets() {
    }

    static List<FuzzTarget> all(Path scratch) throws IOException {
        return List.of(gguf(), tokenizerJson(scratch), safetensors(scratch), chatTemplate());
    }

    /** {@link GgufParser#parse}: a malformed header is a {@link GgufFormatException}. */
    static FuzzTarget gguf() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(ggufBytes(new GgufWriter().putString("general.architecture", "llama")
                .putUint32("llama.block_count", 1).putFloat32("llama.rope.freq_base", 10000).putBool("b", true)
                .putArray("tokenizer.ggml.tokens", GgufArray.ofStrings("<unk>", "a", "b", "ab"))
                .putArray("tokenizer.ggml.scores", GgufArray.ofFloats(0, -1, -2, -3))
                .putArray("tokenizer.ggml.token_type", GgufArray.ofInts(2, 1, 1, 1))
                .addTensor("token_embd.weight", GgmlType.F32, new long[] {4, 2}, GgufWriter.TensorData.ofFloats(new float[8]))
                .addTensor("output.weight", GgmlType.Q8_0, new long[] {32, 2}, GgufWriter.TensorData.of(new byte[68]))));
        seeds.add(ggufBytes(new GgufWriter().putString("general.architecture", "deepseek2").alignment(64)
                .putArray("a", GgufArray.ofDoubles(1, 2)).putArray("n", GgufArray.ofStrings())
                .addTensor("blk.0.ffn_gate_exps.weight", GgmlType.Q4_K, new long[] {256, 1, 1},
                        GgufWriter.TensorData.of(new byte[144]))));
        return new FuzzTarget("gguf", seeds, List.of("GGUF", "general.architecture", "tokenizer.ggml.tokens"),
                input -> GgufParser.parse("fuzz.gguf", MemorySegment.ofArray(input)),
                e -> e instanceof GgufFormatException);
    }

    /** {@link HuggingFaceTokenizer#load}, then encoding and decoding a text. */
    static FuzzTarget tokenizerJson(Path scratch) throws IOException {
        Path file = Files.createDirectories(scratch.resolve("tokenizer")).resolve("tokenizer.json");
        String byteLevel = """
                {"version": "1.0", "added_tokens": [{"id": 5, "content": "<s>", "special": true}],
                 "normalizer": null, "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "use_regex": true},
                 "decoder": {"type": "ByteLevel"},
                 "model": {"type": "BPE", "vocab": {"a": 0, "b": 1, "ab": 2, "\u0120": 3, "\u0120ab": 4, "<s>": 5},
                           "merges": ["a b", "\u0120 ab"]}}""";
        String sequence = """
                {"added_tokens": [], "normalizer": {"type": "Sequence", "normalizers": [{"type": "NFC"}]},
                 "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                    {"type": "Split", "pattern": {"Regex": "\\\\p{L}+|\\\\s+"}, "behavior": "Isolated", "invert": false},
                    {"type": "ByteLevel", "add_prefix_space": false, "use_regex": false}]},
                 "model": {"type": "BPE", "vocab": {"h": 0, "i": 1, "hi": 2, "\u0120": 3}, "merges": [["h", "i"]]}}""";
        return new FuzzTarget("tokenizer.json", List.of(utf8(byteLevel), utf8(sequence)), JSON_TOKENS, input -> {
            // as text: malformed UTF-8 is a trivial MalformedInputException, and would take most of the inputs
            Files.writeString(file, new String(input, StandardCharsets.UTF_8));
            Tokenizer t = HuggingFaceTokenizer.load(file);
            t.decode(t.encode("ab ab hi <s> \u00e9\u4e2d"));
        }, e -> e instanceof IOException || e instanceof TokenizerException || e instanceof Json.JsonException
                || e instanceof UncheckedIOException);
    }

    /** A safetensors file's header: eight bytes of length, then JSON naming each tensor's type, shape and bytes. */
    static FuzzTarget safetensors(Path scratch) throws IOException {
        Path file = Files.createDirectories(scratch.resolve("safetensors")).resolve("model.safetensors");
        List<byte[]> seeds = List.of(
                safetensorsBytes("{\"__metadata__\": {\"format\": \"pt\"}, \"w\": {\"dtype\": \"F32\", \"shape\": [2, 2],"
                        + " \"data_offsets\": [0, 16]}, \"b\": {\"dtype\": \"BF16\", \"shape\": [4], \"data_offsets\": [16, 24]}}", 24),
                safetensorsBytes("{\"x\": {\"dtype\": \"F8_E4M3\", \"shape\": [3, 1], \"data_offsets\": [0, 3]},"
                        + " \"s\": {\"dtype\": \"F32\", \"shape\": [], \"data_offsets\": [3, 7]}}", 7));
        return new FuzzTarget("safetensors", seeds, JSON_TOKENS, input -> {
            Files.write(file, input);
            SafetensorsReading.read(file);
        }, e -> e instanceof IOException);
    }

    /** Compiling a chat template and rendering a conversation with tools. */
    static FuzzTarget chatTemplate() {
        List<byte[]> seeds = new ArrayList<>();
        for (BuiltinTemplate b : BuiltinTemplate.values()) {
            seeds.add(utf8(b.source()));
        }
        seeds.add(utf8("{% set ns = namespace(s='') %}{% for m in messages %}{% set ns.s = ns.s ~ m.content %}"
                + "{{ m.role | upper }}: {{ m.content if m.content else '' }}{% endfor %}{{ ns.s | length }}"
                + "{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}{{ 2 ** 10 }}"));
        List<ChatMessage> conversation = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"),
                ChatMessage.toolCalls(List.of(new ToolCall("c1", "f", "{\"x\": 1}"))), ChatMessage.toolResult("c1", "2"),
                ChatMessage.user("Thanks"));
        Map<String, Object> variables = Map.of("bos_token", "<s>", "eos_token", "</s>",
                "tools", List.of(Map.of("type", "function", "function", Map.of("name", "f"))));
        return new FuzzTarget("chat-template", seeds, TEMPLATE_TOKENS,
                input -> ChatTemplate.of(new String(input, StandardCharsets.UTF_8)).render(conversation, true, variables),
                e -> e instanceof TemplateException);
    }

    private static byte[] ggufBytes(GgufWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(Channels.newChannel(out));
        return out.toByteArray();
    }

    private static byte[] safetensorsBytes(String header, int dataBytes) {
        byte[] json = utf8(header);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        return Arrays.copyOf(b.array(), b.capacity());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
