package io.github.deepseek4j;

import io.github.deepseek4j.tokenizer.chat.BuiltinTemplate;
import io.github.deepseek4j.tokenizer.chat.tools.ToolCallFormat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Tool definitions, chat requests, and reading a recorded tool-call answer into a {@link ChatResult}. */
class ChatToolsTest {

    private static final String SCHEMA = "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, "
            + "\"required\": [\"city\"]}";
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather for a city", SCHEMA);

    private static GenerationResult stopped(StopReason reason) {
        return new GenerationResult(new int[0], reason, 1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
    }

    private static ChatResult answer(boolean promptOpenedReasoning, ToolCallFormat format, StopReason stop, String... pieces) {
        ChatTurn turn = new ChatTurn(promptOpenedReasoning, null);
        for (String piece : pieces) {
            turn.accept(piece);
        }
        return turn.finish(stopped(stop), format);
    }

    @Test
    void toolDefinitionsBecomeOpenAiStyleTemplateValues() {
        assertThat(WEATHER.toTemplateValue()).isEqualTo(Map.of("type", "function", "function", Map.of(
                "name", "get_weather", "description", "Weather for a city", "parameters", Map.of("type", "object",
                        "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city")))));
        assertThat(new ToolDefinition("get_time", null, ToolDefinition.NO_PARAMETERS).toTemplateValue().get("function"))
                .isEqualTo(Map.of("name", "get_time", "parameters", Map.of("type", "object", "properties", Map.of())));
    }

    @Test
    void badToolDefinitionsAndRequestsNameTheProblem() {
        assertThatThrownBy(() -> new ToolDefinition("f", null, "{\"type\": "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tool 'f' are not valid JSON");
        assertThatThrownBy(() -> new ToolDefinition("f", null, "[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tool 'f' are not a JSON object");
        assertThatThrownBy(() -> new ToolDefinition(" ", null, "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatRequest.builder().message(ChatMessage.user("q")).tool(WEATHER).tool(WEATHER).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two tools are named 'get_weather'");
        assertThatThrownBy(() -> ChatRequest.builder().message(ChatMessage.user("q")).toolCallFormat("mistral").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mistral");
        assertThatThrownBy(() -> ChatRequest.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one message");
    }

    @Test
    void theCallFormatComesFromTheTemplateUnlessChosen() {
        String qwen = "{% for t in tools %}{{ t | tojson }}{% endfor %}<tool_call>";
        ChatRequest.Builder builder = ChatRequest.builder().message(ChatMessage.user("q"));
        assertThat(ToolPrompt.format(builder.build(), qwen)).isEqualTo(ToolCallFormat.NONE); // no tools: never read
        builder.tool(WEATHER);
        assertThat(ToolPrompt.format(builder.build(), qwen)).isEqualTo(ToolCallFormat.HERMES);
        assertThat(ToolPrompt.format(builder.build(), BuiltinTemplate.DEEPSEEK_R1.source())).isEqualTo(ToolCallFormat.DEEPSEEK);
        assertThat(ToolPrompt.format(builder.build(), BuiltinTemplate.CHATML.source())).isEqualTo(ToolCallFormat.HERMES);
        assertThat(ToolPrompt.format(builder.build(), "{{ tools | length }} tools, no markers")).isEqualTo(ToolCallFormat.NONE);
        assertThat(ToolPrompt.format(builder.toolCallFormat("llama3").build(), qwen)).isEqualTo(ToolCallFormat.LLAMA_3);
        assertThat(builder.build().options()).isEqualTo(GenerationOptions.defaults());
    }

    @Test
    void templatesThatDropToolsGetThemInTheSystemMessage() {
        ChatRequest request = ChatRequest.builder().message(ChatMessage.user("Weather in Bern?")).tool(WEATHER).build();
        String deepSeek = BuiltinTemplate.DEEPSEEK_V3.source();
        List<ChatMessage> messages = ToolPrompt.messages(request, deepSeek, ToolCallFormat.DEEPSEEK);
        assertThat(messages).hasSize(2).last().isEqualTo(ChatMessage.user("Weather in Bern?"));
        assertThat(messages.getFirst().content()).isEqualTo("""
                You can call these functions, given as JSON with the JSON Schema of their arguments:

                %s

                To call a function, answer with exactly:
                <｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>get_weather
                ```json
                {"ARGUMENT": "VALUE"}
                ```<｜tool▁call▁end｜><｜tool▁calls▁end｜>

                The results come back in the next message.""".formatted("{\"name\":\"get_weather\","
                + "\"description\":\"Weather for a city\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":"
                + "{\"type\":\"string\"}},\"required\":[\"city\"]}}"));
        ChatRequest withSystem = ChatRequest.builder().message(ChatMessage.system("Be brief.")).message(ChatMessage.user("Q"))
                .tool(WEATHER).build();
        assertThat(ToolPrompt.messages(withSystem, deepSeek, ToolCallFormat.DEEPSEEK)).hasSize(2).first()
                .satisfies(m -> assertThat(m.content()).startsWith("Be brief.\n\nYou can call these functions"));
        String showsTools = "{% for t in tools %}{{ t | tojson }}{% endfor %}";
        assertThat(ToolPrompt.messages(request, showsTools, ToolCallFormat.HERMES)).isEqualTo(request.messages());
        assertThat(ToolPrompt.messages(ChatRequest.of(request.messages(), GenerationOptions.defaults()), deepSeek,
                ToolCallFormat.NONE)).isEqualTo(request.messages());
    }

    @Test
    void anR1AnswerWithReasoningAndACallIsReadIntoTheResult() {
        ChatResult r = answer(true, ToolCallFormat.DEEPSEEK, StopReason.STOP_TOKEN,
                "The user wants the weather; call the tool.\n</think>\n\n", "<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>",
                "function<｜tool▁sep｜>get_weather\n```json\n{\"city\": \"Zürich\"}\n```<｜tool▁call▁end｜><｜tool▁calls▁end｜>");
        assertThat(r.reasoning()).isEqualTo("The user wants the weather; call the tool.");
        assertThat(r.content()).isEmpty();
        assertThat(r.hasToolCalls()).isTrue();
        ToolCall call = r.toolCalls().getFirst();
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.arguments()).isEqualTo("{\"city\": \"Zürich\"}");
        assertThat(call.id()).startsWith("call_");
        ChatMessage message = r.toMessage();
        assertThat(message.content()).isNull();
        assertThat(message.toolCalls()).containsExactly(call);
        assertThat(message.reasoningContent()).isEqualTo("The user wants the weather; call the tool.");
    }

    @Test
    void withoutToolsTheMarkupStaysContent() {
        String text = "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {}}\n</tool_call>";
        ChatResult r = answer(false, ToolCallFormat.NONE, StopReason.STOP_TOKEN, text);
        assertThat(r.content()).isEqualTo(text);
        assertThat(r.toolCalls()).isEmpty();
        assertThat(r.toMessage()).isEqualTo(ChatMessage.assistant(text));
        ChatResult hermes = answer(false, ToolCallFormat.HERMES, StopReason.STOP_TOKEN, "Let me see.\n", text);
        assertThat(hermes.content()).isEqualTo("Let me see.");
        assertThat(hermes.toMessage().content()).isEqualTo("Let me see.");
        assertThat(hermes.toolCalls()).extracting(ToolCall::arguments).containsExactly("{}");
    }

    @Test
    void aCallCutOffByMaxTokensIsAToolCallExceptionHoldingTheAnswer() {
        ToolCallException e = catchThrowableOfType(ToolCallException.class, () -> answer(false, ToolCallFormat.HERMES,
                StopReason.MAX_TOKENS, "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"ci"));
        assertThat(e).isInstanceOf(DeepSeekException.class)
                .hasMessageContaining("Hermes tool call at offset 0: unterminated <tool_call>")
                .hasMessageEndingWith("(generation stopped at maxTokens)");
        assertThat(e.result().content()).startsWith("<tool_call>");
        assertThat(e.result().toolCalls()).isEmpty();
        assertThat(e.result().stopReason()).isEqualTo(StopReason.MAX_TOKENS);
    }
}
