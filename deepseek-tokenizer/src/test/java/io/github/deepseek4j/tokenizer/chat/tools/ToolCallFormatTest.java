package io.github.deepseek4j.tokenizer.chat.tools;

import io.github.deepseek4j.testing.SharedData;
import io.github.deepseek4j.tokenizer.chat.BuiltinTemplate;
import io.github.deepseek4j.tokenizer.chat.ChatMessage;
import io.github.deepseek4j.tokenizer.chat.ChatTemplate;
import io.github.deepseek4j.tokenizer.chat.ToolCall;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/** Parsing tool calls from recorded (realistic) model outputs of each format, well-formed and malformed. */
class ToolCallFormatTest {

    private static final String DS_CALL = "<｜tool▁call▁begin｜>function<｜tool▁sep｜>";
    private static final String DS_END = "<｜tool▁call▁end｜>";

    @Nested
    class DeepSeek {

        @Test
        void singleCallAsTheV3TemplateRendersIt() {
            ParsedToolCalls parsed = ToolCallFormat.DEEPSEEK.parse("<｜tool▁calls▁begin｜>" + DS_CALL
                    + "get_weather\n```json\n{\"city\": \"Zürich\", \"days\": 3}\n```" + DS_END + "<｜tool▁calls▁end｜>");
            assertThat(parsed.content()).isEmpty();
            assertThat(parsed.toolCalls()).singleElement().satisfies(call -> {
                assertThat(call.name()).isEqualTo("get_weather");
                assertThat(call.arguments()).isEqualTo("{\"city\": \"Zürich\", \"days\": 3}");
                assertThat(call.id()).matches("call_[0-9a-f]{24}");
            });
        }

        @Test
        void textBeforeTwoCallsAndNoClosingMarker() {
            ParsedToolCalls parsed = ToolCallFormat.DEEPSEEK.parse("I'll look both up.\n\n<｜tool▁calls▁begin｜>"
                    + DS_CALL + "get_weather\n```json\n{\"city\": \"Bern\"}\n```" + DS_END + "\n"
                    + DS_CALL + "get_time\n```json\n{}\n```" + DS_END);
            assertThat(parsed.content()).isEqualTo("I'll look both up.");
            assertThat(parsed.toolCalls()).extracting(ToolCall::name).containsExactly("get_weather", "get_time");
            assertThat(parsed.toolCalls()).extracting(ToolCall::arguments).containsExactly("{\"city\": \"Bern\"}", "{}");
            assertThat(parsed.toolCalls().get(0).id()).isNotEqualTo(parsed.toolCalls().get(1).id());
        }

        @Test
        void r1MisspeltOpeningsAndTheV31Form() {
            String call = DS_CALL + "get_time\n```json\n{\"tz\": \"CET\"}\n```" + DS_END;
            for (String opening : List.of("<｜tool_calls_begin｜>", "<｜tool calls begin｜>", "<｜tool\\_calls\\_begin｜>",
                    "<｜tool▁calls｜>", "")) {
                assertThat(ToolCallFormat.DEEPSEEK.parse(opening + call + "<｜tool▁calls▁end｜>").toolCalls())
                        .extracting(ToolCall::arguments).as(opening).containsExactly("{\"tz\": \"CET\"}");
            }
            ParsedToolCalls v31 = ToolCallFormat.DEEPSEEK.parse("<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>get_weather"
                    + "<｜tool▁sep｜>{\"city\": \"Lisboa\"}" + DS_END + "<｜tool▁calls▁end｜>");
            assertThat(v31.toolCalls()).singleElement()
                    .satisfies(c -> assertThat(c.name() + c.arguments()).isEqualTo("get_weather{\"city\": \"Lisboa\"}"));
        }

        @Test
        void plainTextAndUnknownMarkersStayText() {
            for (String text : List.of("The weather is fine.", "Stray <｜tool▁calls▁end｜> marker",
                    "<｜tool▁outputs▁begin｜>echo<｜tool▁output▁end｜>", "```json\n{\"a\": 1}\n```")) {
                ParsedToolCalls parsed = ToolCallFormat.DEEPSEEK.parse(text);
                assertThat(parsed.hasToolCalls()).isFalse();
                assertThat(parsed.content()).isEqualTo(text);
            }
        }

        @Test
        void malformedCallsAreTypedErrors() {
            String begin = "<｜tool▁calls▁begin｜>";
            assertError(ToolCallFormat.DEEPSEEK, "Sure. " + begin + DS_CALL + "get_weather\n```json\n{\"city\": \"Zü",
                    "DeepSeek tool call at offset 26: unterminated call");
            assertError(ToolCallFormat.DEEPSEEK, begin + DS_CALL + "get_weather\n```json\n{\"city\": Zürich}\n```" + DS_END,
                    "the arguments of 'get_weather' is not valid JSON");
            assertError(ToolCallFormat.DEEPSEEK, begin + DS_CALL + "get_weather\n```json\n[\"Zürich\"]\n```" + DS_END,
                    "the arguments of 'get_weather' is not a JSON object");
            assertError(ToolCallFormat.DEEPSEEK, begin + DS_CALL + "get_weather\n```json\n{}" + DS_END,
                    "fence that is not closed");
            assertError(ToolCallFormat.DEEPSEEK, begin + "<｜tool▁call▁begin｜>get_weather {}" + DS_END, "no <｜tool▁sep｜>");
            assertError(ToolCallFormat.DEEPSEEK, begin + DS_CALL + "\n```json\n{}\n```" + DS_END, "no function name");
            assertError(ToolCallFormat.DEEPSEEK, begin + "<｜tool▁calls▁end｜>", "holds no call");
            assertError(ToolCallFormat.DEEPSEEK, begin + DS_CALL + "f\n```json\n{}\n```" + DS_END + " and then ",
                    "but found 'and then'");
        }

        @Test
        void whatTheTemplateRendersParsesBackToTheSameCalls() {
            List<ToolCall> calls = List.of(new ToolCall("c1", "get_weather", "{\"city\": \"Zürich\"}"),
                    new ToolCall("c2", "search", "{\"q\": \"a \\\"b\\\"\", \"n\": [1, 2.5]}"));
            String rendered = ChatTemplate.of(BuiltinTemplate.DEEPSEEK_V3)
                    .render(List.of(ChatMessage.user("Q"), ChatMessage.toolCalls(calls)), false);
            String output = rendered.substring(rendered.indexOf("<｜Assistant｜>") + "<｜Assistant｜>".length(),
                    rendered.lastIndexOf("<｜end▁of▁sentence｜>"));
            ParsedToolCalls parsed = ToolCallFormat.DEEPSEEK.parse(output);
            assertThat(parsed.toolCalls()).extracting(ToolCall::name, ToolCall::arguments)
                    .containsExactly(tuple("get_weather", "{\"city\": \"Zürich\"}"),
                            tuple("search", "{\"q\": \"a \\\"b\\\"\", \"n\": [1, 2.5]}"));
            ChatMessage message = parsed.toMessage();
            assertThat(message.content()).isNull();
            assertThat(ChatTemplate.of(BuiltinTemplate.DEEPSEEK_V3).render(List.of(ChatMessage.user("Q"), message), false))
                    .isEqualTo(rendered);
        }
    }

    @Nested
    class Hermes {

        @Test
        void qwenCallsWithContentBetween() {
            ParsedToolCalls parsed = ToolCallFormat.HERMES.parse("Let me check.\n<tool_call>\n"
                    + "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Zürich\", \"days\": 3}}\n</tool_call>\n"
                    + "<tool_call>\n{\"name\": \"get_time\", \"arguments\": {}}\n</tool_call>");
            assertThat(parsed.content()).isEqualTo("Let me check.");
            assertThat(parsed.toolCalls()).extracting(ToolCall::name).containsExactly("get_weather", "get_time");
            assertThat(parsed.toolCalls()).extracting(ToolCall::arguments)
                    .containsExactly("{\"city\":\"Zürich\",\"days\":3}", "{}");
        }

        @Test
        void quotedOrMissingArguments() {
            assertThat(ToolCallFormat.HERMES.parse("<tool_call>{\"name\": \"f\", \"arguments\": \"{\\\"a\\\": 1}\"}</tool_call>")
                    .toolCalls()).extracting(ToolCall::arguments).containsExactly("{\"a\": 1}");
            assertThat(ToolCallFormat.HERMES.parse("<tool_call>{\"name\": \"get_time\"}</tool_call>").toolCalls())
                    .extracting(ToolCall::arguments).containsExactly("{}");
        }

        @Test
        void plainTextAndAStrayClosingTag() {
            for (String text : List.of("It is 21 °C.", "see </tool_call> here", "{\"name\": \"f\", \"arguments\": {}}")) {
                assertThat(ToolCallFormat.HERMES.parse(text)).isEqualTo(new ParsedToolCalls(text, List.of()));
            }
        }

        @Test
        void malformedCallsAreTypedErrors() {
            assertError(ToolCallFormat.HERMES, "ok <tool_call>\n{\"name\": \"get_weather\", \"argu",
                    "Hermes tool call at offset 3: unterminated <tool_call>");
            assertError(ToolCallFormat.HERMES, "<tool_call>{\"name\": \"f\", \"arguments\": {\"a\": }}</tool_call>",
                    "the call is not valid JSON");
            assertError(ToolCallFormat.HERMES, "<tool_call>{\"arguments\": {}}</tool_call>", "has no \"name\"");
            assertError(ToolCallFormat.HERMES, "<tool_call>{\"name\": \"f\", \"arguments\": 5}</tool_call>",
                    "the arguments of 'f' are not a JSON object: 5");
            assertError(ToolCallFormat.HERMES, "<tool_call>{\"name\": \"f\", \"arguments\": \"x\"}</tool_call>",
                    "the arguments of 'f' is not valid JSON");
            assertError(ToolCallFormat.HERMES, "<tool_call>[\"f\"]</tool_call>", "the call is not a JSON object");
        }
    }

    @Nested
    class Llama {

        @Test
        void bareJsonCall() {
            ParsedToolCalls parsed = ToolCallFormat.LLAMA_3.parse(
                    "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Zürich\", \"unit\": \"celsius\"}}");
            assertThat(parsed.content()).isEmpty();
            assertThat(parsed.toolCalls()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("get_weather");
                assertThat(c.arguments()).isEqualTo("{\"city\":\"Zürich\",\"unit\":\"celsius\"}");
            });
        }

        @Test
        void pythonTagSeveralCallsAndTextBefore() {
            ParsedToolCalls parsed = ToolCallFormat.LLAMA_3.parse("Checking.<|python_tag|>"
                    + "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Bern\"}}; "
                    + "{\"type\": \"function\", \"name\": \"get_time\", \"arguments\": {}}");
            assertThat(parsed.content()).isEqualTo("Checking.");
            assertThat(parsed.toolCalls()).extracting(ToolCall::name).containsExactly("get_weather", "get_time");
            ParsedToolCalls after = ToolCallFormat.LLAMA_3.parse("Sure!\n{\"name\": \"f\", \"parameters\": {\"s\": \"}{\"}}\nDone.");
            assertThat(after.content()).isEqualTo("Sure!\nDone.");
            assertThat(after.toolCalls()).extracting(ToolCall::arguments).containsExactly("{\"s\":\"}{\"}");
        }

        @Test
        void jsonAnswersThatAreNotCallsStayText() {
            for (String text : List.of("{\"name\": \"Ann\", \"age\": 31}", "Hello", "{\"parameters\": {}, \"name\": \"f\"")) {
                assertThat(ToolCallFormat.LLAMA_3.parse(text)).isEqualTo(new ParsedToolCalls(text, List.of()));
            }
        }

        @Test
        void malformedCallsAreTypedErrors() {
            assertError(ToolCallFormat.LLAMA_3, "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Zü",
                    "Llama-3 tool call at offset 0: unterminated JSON call");
            assertError(ToolCallFormat.LLAMA_3, "<|python_tag|>brave_search.call(query=\"jinja\")",
                    "built-in tools are not supported");
            assertError(ToolCallFormat.LLAMA_3, "<|python_tag|>", "followed by code");
            assertError(ToolCallFormat.LLAMA_3, "{\"name\": \"f\", \"parameters\": {\"a\": tru}}", "the call is not valid JSON");
            assertError(ToolCallFormat.LLAMA_3, "{\"name\": \"f\", \"parameters\": [1]}", "are not a JSON object: [1]");
            assertError(ToolCallFormat.LLAMA_3, "<|python_tag|>{\"parameters\": {}}", "has no \"name\"");
        }
    }

    @Test
    void detectedFromTheRealTemplates() throws IOException {
        Map<String, ToolCallFormat> expected = Map.of("deepseek-v3.jinja", ToolCallFormat.DEEPSEEK,
                "deepseek-r1-distill-qwen.jinja", ToolCallFormat.DEEPSEEK, "deepseek-r1-distill-llama.jinja", ToolCallFormat.DEEPSEEK,
                "qwen2.5-instruct.jinja", ToolCallFormat.HERMES, "llama-3.1-instruct.jinja", ToolCallFormat.LLAMA_3,
                "gemma-2.jinja", ToolCallFormat.NONE, "phi-3.5-mini.jinja", ToolCallFormat.NONE);
        for (var e : expected.entrySet()) {
            String source = Files.readString(SharedData.require("reference/chat-templates/" + e.getKey()));
            assertThat(ToolCallFormat.detect(source)).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(ToolCallFormat.detect(BuiltinTemplate.DEEPSEEK_V3.source())).isEqualTo(ToolCallFormat.DEEPSEEK);
        assertThat(ToolCallFormat.detect(BuiltinTemplate.CHATML.source())).isEqualTo(ToolCallFormat.NONE);
    }

    @Test
    void chosenByName() {
        assertThat(ToolCallFormat.byName("Qwen")).isEqualTo(ToolCallFormat.HERMES);
        assertThat(ToolCallFormat.byName("llama3")).isEqualTo(ToolCallFormat.LLAMA_3);
        assertThat(ToolCallFormat.byName(" DeepSeek_R1 ")).isEqualTo(ToolCallFormat.DEEPSEEK);
        assertThat(ToolCallFormat.NONE.parse("<tool_call>{}</tool_call>").content()).isEqualTo("<tool_call>{}</tool_call>");
        assertThatThrownBy(() -> ToolCallFormat.byName("mistral")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mistral").hasMessageContaining("hermes");
    }

    @Test
    void writtenCallsParseBack() {
        String arguments = "{\"city\": \"Zürich\", \"days\": [1, 2]}";
        for (ToolCallFormat format : List.of(ToolCallFormat.DEEPSEEK, ToolCallFormat.HERMES, ToolCallFormat.LLAMA_3)) {
            ParsedToolCalls parsed = format.parse(format.write("get_weather", arguments));
            assertThat(parsed.content()).as(format.id()).isEmpty();
            assertThat(parsed.toolCalls()).as(format.id()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("get_weather");
                assertThat(c.arguments().replace(" ", "")).isEqualTo(arguments.replace(" ", ""));
            });
        }
        assertThat(ToolCallFormat.HERMES.write("f", "{}")).isEqualTo("<tool_call>\n{\"name\": \"f\", \"arguments\": {}}\n</tool_call>");
        assertThatThrownBy(() -> ToolCallFormat.NONE.write("f", "{}")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idsAreDeterministic() {
        String output = "<tool_call>{\"name\": \"f\", \"arguments\": {}}</tool_call><tool_call>{\"name\": \"f\", \"arguments\": {}}</tool_call>";
        List<ToolCall> first = ToolCallFormat.HERMES.parse(output).toolCalls();
        assertThat(ToolCallFormat.HERMES.parse(output).toolCalls()).isEqualTo(first);
        assertThat(first.get(0).id()).isNotEqualTo(first.get(1).id());
    }

    /** Every cut-off and every corruption of real outputs is text, calls or a ToolCallParseException; nothing else. */
    @Test
    void truncatedAndCorruptedOutputsNeverLeakAnotherException() {
        Map<ToolCallFormat, String> outputs = Map.of(
                ToolCallFormat.DEEPSEEK, "Checking.<｜tool▁calls▁begin｜>" + DS_CALL + "get_weather\n```json\n{\"city\": \"Zürich\"}\n```"
                        + DS_END + "\n" + DS_CALL + "t\n```json\n{\"a\": [1, {\"b\": null}]}\n```" + DS_END + "<｜tool▁calls▁end｜>",
                ToolCallFormat.HERMES, "Ok.\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Zürich\", \"n\": [1, 2.5e3]}}\n</tool_call>",
                ToolCallFormat.LLAMA_3, "<|python_tag|>{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Zü\\\"rich\"}}; {\"name\": \"g\", \"parameters\": {}}");
        Random random = new Random(16);
        String noise = "{}[]\",:\\\n ```<｜▁|>_";
        for (var e : outputs.entrySet()) {
            String output = e.getValue();
            assertThat(e.getKey().parse(output).hasToolCalls()).isTrue();
            for (int cut = 0; cut <= output.length(); cut++) {
                assertParsesOrFailsTyped(e.getKey(), output.substring(0, cut));
            }
            for (int i = 0; i < 2000; i++) {
                StringBuilder corrupted = new StringBuilder(output);
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    int at = random.nextInt(corrupted.length());
                    switch (random.nextInt(3)) {
                        case 0 -> corrupted.deleteCharAt(at);
                        case 1 -> corrupted.insert(at, noise.charAt(random.nextInt(noise.length())));
                        default -> corrupted.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
                    }
                }
                assertParsesOrFailsTyped(e.getKey(), corrupted.toString());
            }
        }
    }

    private static void assertParsesOrFailsTyped(ToolCallFormat format, String output) {
        Throwable thrown = catchThrowable(() -> format.parse(output));
        if (thrown != null) {
            assertThat(thrown).as(output).isInstanceOf(ToolCallParseException.class);
            assertThat(((ToolCallParseException) thrown).format()).isEqualTo(format);
        }
    }

    private static void assertError(ToolCallFormat format, String output, String message) {
        assertThatThrownBy(() -> format.parse(output)).as(output).isInstanceOf(ToolCallParseException.class)
                .hasMessageContaining(message);
    }
}
