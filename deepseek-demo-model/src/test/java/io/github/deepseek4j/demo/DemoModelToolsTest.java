package io.github.deepseek4j.demo;

import io.github.deepseek4j.ChatMessage;
import io.github.deepseek4j.ChatRequest;
import io.github.deepseek4j.ChatResult;
import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.ToolCall;
import io.github.deepseek4j.ToolDefinition;
import io.github.deepseek4j.source.ModelCache;
import io.github.deepseek4j.tokenizer.chat.ChatTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tool calling end to end on the demo model, given a template in the DeepSeek style that shows tools: the tools
 * and a past call with its result reach the prompt, and a chat with tools runs (the model knows no tools, so it
 * answers in text, which must come back as content with no calls).
 */
class DemoModelToolsTest {

    /** The demo model's own template, plus tools in the system part and tool calls and results in DeepSeek-V3's markup. */
    private static final String TEMPLATE = """
            {{ bos_token }}{% if tools %}## Tools
            {% for t in tools %}{{ '### ' + t.function.name }}
            {{ t.function.description }}
            Parameters: {{ t.function.parameters | tojson }}
            {% endfor %}{% endif %}
            {% for m in messages %}{% if m.role == 'user' %}{{ '<｜User｜>' + m.content }}\
            {% elif m.role == 'assistant' %}<｜Assistant｜>{% if m.tool_calls %}<｜tool▁calls▁begin｜>\
            {% for c in m.tool_calls %}<｜tool▁call▁begin｜>function<｜tool▁sep｜>{{ c.function.name }}
            ```json
            {{ c.function.arguments | tojson }}
            ```<｜tool▁call▁end｜>{% endfor %}<｜tool▁calls▁end｜>{% else %}{{ m.content }}{% endif %}<｜end▁of▁sentence｜>\
            {% elif m.role == 'tool' %}{{ '<｜tool▁output▁begin｜>' + m.content + '<｜tool▁output▁end｜>' }}{% endif %}\
            {% endfor %}{% if add_generation_prompt %}<｜Assistant｜>{% endif %}""";

    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather for a city, in °C",
            "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"enum\": [\"Verona\", \"Mantua\"]}}}");

    @TempDir
    static Path cacheDir;

    private static Model model;

    @BeforeAll
    static void load() throws Exception {
        model = DemoModel.builder().cache(ModelCache.at(cacheDir)).threads(2).chatTemplate(ChatTemplate.of(TEMPLATE)).build();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theToolsAndAPastCallReachThePrompt() {
        ToolCall call = new ToolCall("call_1", "get_weather", "{\"city\": \"Verona\"}");
        ChatRequest request = ChatRequest.builder().tool(WEATHER).messages(List.of(ChatMessage.user("Fair weather in Verona?"),
                ChatMessage.toolCalls(List.of(call)), ChatMessage.toolResult("call_1", "21 °C"))).build();
        assertThat(model.chatPrompt(request)).isEqualTo("<｜begin▁of▁sentence｜>## Tools\n### get_weather\nWeather for a city, in °C\n"
                + "Parameters: {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"enum\": [\"Verona\", \"Mantua\"]}}}\n"
                + "<｜User｜>Fair weather in Verona?<｜Assistant｜><｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>"
                + "get_weather\n```json\n{\"city\": \"Verona\"}\n```<｜tool▁call▁end｜><｜tool▁calls▁end｜><｜end▁of▁sentence｜>"
                + "<｜tool▁output▁begin｜>21 °C<｜tool▁output▁end｜><｜Assistant｜>");
        ChatRequest withoutTools = ChatRequest.of(List.of(ChatMessage.user("Fair weather in Verona?")), GenerationOptions.defaults());
        assertThat(model.chatPrompt(withoutTools)).isEqualTo("<｜begin▁of▁sentence｜><｜User｜>Fair weather in Verona?<｜Assistant｜>");
    }

    @Test
    void itsOwnTemplateDropsToolsSoTheSystemMessageDescribesThem() throws Exception {
        try (Model own = DemoModel.builder().cache(ModelCache.at(cacheDir)).threads(1).build()) {
            String prompt = own.chatPrompt(ChatRequest.builder().message(ChatMessage.user("News?")).tool(WEATHER).build());
            assertThat(prompt).startsWith("<｜begin▁of▁sentence｜>You can call these functions").contains("\"name\":\"get_weather\"")
                    .contains("answer with exactly:\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"ARGUMENT\": \"VALUE\"}}\n</tool_call>")
                    .endsWith("<｜User｜>News?<｜Assistant｜>");
        }
    }

    @Test
    void aChatWithToolsAnswersInTextWhenTheModelCallsNone() {
        ChatRequest request = ChatRequest.builder().message(ChatMessage.user("Good morrow, what news?")).tool(WEATHER)
                .options(GenerationOptions.builder().maxTokens(24).build()).build();
        ChatResult answer = model.chat(request);
        assertThat(answer.toolCalls()).isEmpty();
        assertThat(answer.content()).isNotBlank().isEqualTo(answer.rawText());
        assertThat(answer.generation().promptTokens())
                .isGreaterThan(model.chat(List.of(ChatMessage.user("Good morrow, what news?")),
                        GenerationOptions.builder().maxTokens(1).build()).generation().promptTokens());
        assertThat(answer.toMessage()).isEqualTo(ChatMessage.assistant(answer.content()));
    }
}
