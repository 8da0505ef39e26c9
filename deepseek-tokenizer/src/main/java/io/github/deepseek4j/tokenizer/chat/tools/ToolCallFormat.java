package io.github.deepseek4j.tokenizer.chat.tools;

import io.github.deepseek4j.internal.json.Json;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * How a model family writes tool calls, and the parser for it. {@link #detect} picks the format a chat
 * template teaches (by the markers it contains); {@link #byName} chooses one explicitly.
 *
 * <pre>{@code
 * ParsedToolCalls parsed = ToolCallFormat.detect(template.source()).parse(generatedText);
 * for (ToolCall call : parsed.toolCalls()) { ... call.name(), call.arguments() ... }
 * }</pre>
 *
 * <p>Parsing never lets an unchecked exception other than {@link ToolCallParseException} escape: output
 * without a call start is plain text; a call that starts but is malformed (unterminated, arguments that
 * are not a JSON object, no name) is a {@link ToolCallParseException}. Formats without call ids get
 * deterministic {@code call_...} ids.
 */
public enum ToolCallFormat {

    /** No tool calls: the output is all content. */
    NONE("none", "plain", List.of(), ParsedToolCalls::text, null),
    /** DeepSeek-V3/R1: {@code <｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>NAME ...}. */
    DEEPSEEK("deepseek", "DeepSeek", List.of("deepseek-v3", "deepseek-r1"), DeepSeekToolCallParser::parse,
            (name, arguments) -> DeepSeekToolCallParser.CALLS_BEGIN + DeepSeekToolCallParser.CALL_BEGIN + "function"
                    + DeepSeekToolCallParser.SEPARATOR + name + "\n```json\n" + arguments + "\n```"
                    + DeepSeekToolCallParser.CALL_END + DeepSeekToolCallParser.CALLS_END),
    /** Qwen2.5/Hermes: {@code <tool_call>{"name": ..., "arguments": ...}</tool_call>}. */
    HERMES("hermes", "Hermes", List.of("qwen", "qwen2", "qwen2.5"), HermesToolCallParser::parse,
            (name, arguments) -> HermesToolCallParser.OPEN + "\n{\"name\": " + Json.write(name) + ", \"arguments\": "
                    + arguments + "}\n" + HermesToolCallParser.CLOSE),
    /** Llama-3.x: {@code {"name": ..., "parameters": ...}}, optionally after {@code <|python_tag|>}. */
    LLAMA_3("llama-3", "Llama-3", List.of("llama3", "llama-3.1", "llama3.1"), LlamaToolCallParser::parse,
            (name, arguments) -> "{\"name\": " + Json.write(name) + ", \"parameters\": " + arguments + "}");

    private final String id;
    private final String displayName;
    private final List<String> aliases;
    private final Function<String, ParsedToolCalls> parser;
    private final BinaryOperator<String> writer;

    ToolCallFormat(String id, String displayName, List<String> aliases, Function<String, ParsedToolCalls> parser,
                   BinaryOperator<String> writer) {
        this.id = id;
        this.displayName = displayName;
        this.aliases = aliases;
        this.parser = parser;
        this.writer = writer;
    }

    /** The name {@link #byName} accepts. */
    public String id() {
        return id;
    }

    String displayName() {
        return displayName;
    }

    /**
     * Splits generated text into content and tool calls.
     *
     * @throws ToolCallParseException the text starts a call of this format that is malformed
     */
    public ParsedToolCalls parse(String output) {
        return parser.apply(output);
    }

    /**
     * The text a model of this format writes to call {@code name} with {@code arguments} (JSON object text):
     * for examples in prompts; {@link #parse} reads it back.
     *
     * @throws IllegalStateException for {@link #NONE}, which has no calls
     */
    public String write(String name, String arguments) {
        if (writer == null) {
            throw new IllegalStateException("the format 'none' has no tool calls to write");
        }
        return writer.apply(name, arguments);
    }

    /** The format a chat template renders tool calls in, by the markers it contains; {@link #NONE} when it has none. */
    public static ToolCallFormat detect(String templateSource) {
        if (templateSource.contains(DeepSeekToolCallParser.CALL_BEGIN)) {
            return DEEPSEEK;
        }
        if (templateSource.contains(HermesToolCallParser.OPEN)) {
            return HERMES;
        }
        if (templateSource.contains(LlamaToolCallParser.PYTHON_TAG)
                || templateSource.contains("<|start_header_id|>") && templateSource.contains("\"parameters\"")) {
            return LLAMA_3;
        }
        return NONE;
    }

    /** A format by {@link #id} or alias, case-insensitive ({@code deepseek}, {@code hermes}/{@code qwen}, {@code llama-3}, {@code none}). */
    public static ToolCallFormat byName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ToolCallFormat f : values()) {
            if (f.id.equals(key) || f.aliases.contains(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown tool-call format '" + name + "'; formats: "
                + Arrays.stream(values()).map(ToolCallFormat::id).toList());
    }
}
