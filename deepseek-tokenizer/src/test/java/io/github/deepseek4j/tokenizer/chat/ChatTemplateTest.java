package io.github.deepseek4j.tokenizer.chat;

import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.testing.SharedData;
import io.github.deepseek4j.tokenizer.SpecialTokenIds;
import io.github.deepseek4j.tokenizer.TokenizerKind;
import io.github.deepseek4j.tokenizer.Vocabulary;
import io.github.deepseek4j.tokenizer.chat.jinja.TemplateException;
import io.github.deepseek4j.tokenizer.chat.jinja.TemplateRaisedException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public API renders {@link ChatMessage}s exactly as jinja2 renders the equivalent hub-style JSON. */
class ChatTemplateTest {

    private static final String DIR = "reference/chat-templates/";

    @TestFactory
    Stream<DynamicTest> chatMessagesRenderLikeHubJson() throws IOException {
        Path templates = SharedData.require(DIR + "cases.json").getParent();
        List<Map<?, ?>> cases = new ArrayList<>(jsonCases(templates.resolve("cases.json")));
        for (String resource : List.of("/chat/official-template-cases.json", "/chat/tool-template-cases.json")) {
            try (var in = getClass().getResourceAsStream(resource)) {
                ((List<?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))).forEach(c -> cases.add((Map<?, ?>) c));
            }
        }
        return cases.stream().flatMap(c -> messages((List<?>) c.get("messages")).stream().map(messages ->
                DynamicTest.dynamicTest((String) c.get("name"), () -> {
                    ChatTemplate template = ChatTemplate.of(Files.readString(templates.resolve((String) c.get("template"))));
                    Map<String, Object> variables = new LinkedHashMap<>();
                    c.forEach((k, v) -> variables.put((String) k, v));
                    List.of("name", "template", "messages", "add_generation_prompt", "expected", "expected_error")
                            .forEach(variables::remove);
                    boolean generate = (Boolean) c.get("add_generation_prompt");
                    if (c.containsKey("expected")) {
                        assertThat(template.render(messages, generate, variables, GeneratorClock.FIXED))
                                .isEqualTo(c.get("expected"));
                    } else {
                        assertThatThrownBy(() -> template.render(messages, generate, variables, GeneratorClock.FIXED))
                                .isInstanceOf(TemplateException.class).hasMessageContaining((String) c.get("expected_error"));
                    }
                })));
    }

    @Test
    void builtinDeepSeekFormatsMatchTheOfficialTemplatesWithoutTools() throws IOException {
        ChatTemplate v3 = ChatTemplate.of(Files.readString(SharedData.require(DIR + "deepseek-v3.jinja")));
        ChatTemplate r1 = ChatTemplate.of(Files.readString(SharedData.require(DIR + "deepseek-r1-distill-qwen.jinja")));
        Map<String, Object> tokens = BuiltinTemplate.DEEPSEEK_V3.defaultVariables();
        for (List<ChatMessage> conversation : conversations()) {
            for (boolean generate : new boolean[] {true, false}) {
                assertThat(ChatTemplate.of(BuiltinTemplate.DEEPSEEK_V3).render(conversation, generate))
                        .isEqualTo(v3.render(conversation, generate, tokens));
                if (conversation.stream().filter(m -> m.role().equals("system")).count() <= 1) {
                    assertThat(ChatTemplate.of(BuiltinTemplate.DEEPSEEK_R1).render(conversation, generate))
                            .isEqualTo(r1.render(conversation, generate, tokens));
                }
            }
        }
    }

    @Test
    void builtinQwen2MatchesQwenWhenASystemMessageIsGiven() throws IOException {
        ChatTemplate qwen = ChatTemplate.of(Files.readString(SharedData.require(DIR + "qwen2.5-instruct.jinja")));
        List<ChatMessage> conversation = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"),
                ChatMessage.assistant("Hello."), ChatMessage.user("Joke?"));
        assertThat(ChatTemplate.of(BuiltinTemplate.QWEN2).render(conversation, true)).isEqualTo(qwen.render(conversation, true));
        assertThat(ChatTemplate.of(BuiltinTemplate.QWEN2).render(List.of(ChatMessage.user("Hi")), true)).isEqualTo(
                "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
        assertThat(ChatTemplate.of(BuiltinTemplate.CHATML).render(List.of(ChatMessage.user("Hi")), false))
                .isEqualTo("<|im_start|>user\nHi<|im_end|>\n");
    }

    @Test
    void builtinDeepSeekV3ToolCallFormat() {
        List<ChatMessage> conversation = List.of(
                ChatMessage.user("Weather in Zürich and Bern?"),
                ChatMessage.toolCalls(List.of(new ToolCall("c1", "get_weather", "{\"city\": \"Zürich\"}"),
                        new ToolCall("c2", "get_weather", "{\"city\": \"Bern\"}"))),
                ChatMessage.toolResult("c1", "21"),
                ChatMessage.toolResult("c2", "19"),
                ChatMessage.assistant("21 °C and 19 °C."));
        assertThat(ChatTemplate.of(BuiltinTemplate.DEEPSEEK_V3).render(conversation, false)).isEqualTo(
                "<｜begin▁of▁sentence｜><｜User｜>Weather in Zürich and Bern?<｜Assistant｜><｜tool▁calls▁begin｜>"
                        + "<｜tool▁call▁begin｜>function<｜tool▁sep｜>get_weather\n```json\n{\"city\": \"Zürich\"}\n```<｜tool▁call▁end｜>\n"
                        + "<｜tool▁call▁begin｜>function<｜tool▁sep｜>get_weather\n```json\n{\"city\": \"Bern\"}\n```<｜tool▁call▁end｜>"
                        + "<｜tool▁calls▁end｜><｜end▁of▁sentence｜>"
                        + "<｜tool▁outputs▁begin｜><｜tool▁output▁begin｜>21<｜tool▁output▁end｜>\n<｜tool▁output▁begin｜>19<｜tool▁output▁end｜>"
                        + "<｜tool▁outputs▁end｜>21 °C and 19 °C.<｜end▁of▁sentence｜>");
    }

    @Test
    void builtinR1DropsReasoningFromHistoryAndOpensThink() {
        List<ChatMessage> conversation = List.of(ChatMessage.user("2+2?"),
                ChatMessage.assistant("<think>\nadd\n</think>\n\n4"), ChatMessage.user("3+3?"));
        assertThat(ChatTemplate.of(BuiltinTemplate.DEEPSEEK_R1).render(conversation, true)).isEqualTo(
                "<｜begin▁of▁sentence｜><｜User｜>2+2?<｜Assistant｜>\n\n4<｜end▁of▁sentence｜><｜User｜>3+3?<｜Assistant｜><think>\n");
    }

    @Test
    void builtinDeepSeekLlmCoderAndLlama3() {
        List<ChatMessage> conversation = List.of(ChatMessage.user("Hi"), ChatMessage.assistant("Hello"), ChatMessage.user("Bye"));
        assertThat(ChatTemplate.of(BuiltinTemplate.DEEPSEEK_LLM).render(conversation, true)).isEqualTo(
                "<｜begin▁of▁sentence｜>User: Hi\n\nAssistant: Hello<｜end▁of▁sentence｜>User: Bye\n\nAssistant:");
        assertThat(ChatTemplate.of(BuiltinTemplate.DEEPSEEK_CODER).render(conversation, true)).isEqualTo(
                "<｜begin▁of▁sentence｜>You are an AI programming assistant, utilizing the Deepseek Coder model, developed by"
                        + " Deepseek Company, and you only answer questions related to computer science. For politically"
                        + " sensitive questions, security and privacy issues, and other non-computer science questions, you"
                        + " will refuse to answer\n### Instruction:\nHi\n### Response:\nHello\n<|EOT|>\n### Instruction:\nBye\n"
                        + "### Response:");
        assertThat(ChatTemplate.of(BuiltinTemplate.DEEPSEEK_CODER).render(List.of(ChatMessage.system("Sys."),
                ChatMessage.user("Q")), false)).isEqualTo("<｜begin▁of▁sentence｜>Sys.### Instruction:\nQ\n");
        assertThat(ChatTemplate.of(BuiltinTemplate.LLAMA_3).render(List.of(ChatMessage.system(" S "), ChatMessage.user("Q")), true))
                .isEqualTo("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nS<|eot_id|>"
                        + "<|start_header_id|>user<|end_header_id|>\n\nQ<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    @Test
    void callerVariablesOverrideBuiltinDefaults() {
        assertThat(ChatTemplate.of(BuiltinTemplate.LLAMA_3).render(List.of(ChatMessage.user("Q")), false, Map.of("bos_token", "<s>")))
                .startsWith("<s><|start_header_id|>");
    }

    @Test
    void builtinTemplatesByNameAndGuess() {
        assertThat(BuiltinTemplate.byName("DeepSeek_R1")).isEqualTo(BuiltinTemplate.DEEPSEEK_R1);
        assertThat(BuiltinTemplate.byName("llama3")).isEqualTo(BuiltinTemplate.LLAMA_3);
        assertThatThrownBy(() -> BuiltinTemplate.byName("vicuna")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vicuna").hasMessageContaining("deepseek-v3");
        assertThat(BuiltinTemplate.guess("qwen2", "DeepSeek R1 Distill Qwen 1.5B", t -> t.equals("<｜User｜>")))
                .contains(BuiltinTemplate.DEEPSEEK_R1);
        assertThat(BuiltinTemplate.guess("deepseek2", "DeepSeek V3", t -> t.equals("<｜User｜>"))).contains(BuiltinTemplate.DEEPSEEK_V3);
        assertThat(BuiltinTemplate.guess("qwen2", "Qwen2", t -> t.equals("<|im_start|>"))).contains(BuiltinTemplate.QWEN2);
        assertThat(BuiltinTemplate.guess("llama", "", t -> t.equals("<|start_header_id|>"))).contains(BuiltinTemplate.LLAMA_3);
        assertThat(BuiltinTemplate.guess("llama", "", t -> t.equals("<|EOT|>"))).contains(BuiltinTemplate.DEEPSEEK_CODER);
        assertThat(BuiltinTemplate.guess("llama", "", t -> t.equals("<｜begin▁of▁sentence｜>"))).contains(BuiltinTemplate.DEEPSEEK_LLM);
        assertThat(BuiltinTemplate.guess("llama", "stories", t -> false)).isEmpty();
    }

    @Test
    void guessFromTheRealDeepSeekV3Vocabulary() throws IOException {
        String json = Files.readString(SharedData.require("tokenizer/deepseek-v3-hf/tokenizer.json"));
        // the added tokens (special tokens) come first; no need to parse the 8 MB vocabulary
        String added = json.substring(0, json.indexOf("\"normalizer\""));
        Set<String> tokens = new HashSet<>();
        Matcher m = Pattern.compile("\"content\":\\s*\"([^\"]*)\"").matcher(added);
        while (m.find()) {
            tokens.add(m.group(1));
        }
        assertThat(tokens).contains("<｜User｜>", "<|EOT|>");
        assertThat(BuiltinTemplate.guess("deepseek2", "DeepSeek V3", tokens::contains)).contains(BuiltinTemplate.DEEPSEEK_V3);
        assertThat(BuiltinTemplate.guess("deepseek2", "DeepSeek R1", tokens::contains)).contains(BuiltinTemplate.DEEPSEEK_R1);
        tokens.add("<think>");
        assertThat(BuiltinTemplate.guess("qwen2", "", tokens::contains)).contains(BuiltinTemplate.DEEPSEEK_R1);
    }

    @Test
    void forModelPrefersTheFilesOwnTemplate() {
        assertThat(ChatTemplate.forModel("{{ 'own' }}", "llama", "", t -> true).orElseThrow().render(List.of(), false))
                .isEqualTo("own");
        assertThat(ChatTemplate.forModel(null, "qwen2", "Qwen2", t -> t.equals("<|im_start|>")).orElseThrow().source())
                .isEqualTo(BuiltinTemplate.QWEN2.source());
        assertThat(ChatTemplate.forModel("", "llama", "stories", t -> false)).isEmpty();
    }

    @Test
    void toolArgumentsAreObjectsUnlessTheTemplateConcatenatesThem() {
        List<ChatMessage> call = List.of(ChatMessage.toolCalls(List.of(new ToolCall("1", "f", "{\"a\": 1, \"b\": \"x\"}"))));
        String items = "{% for c in messages[0].tool_calls %}{% for k, v in (c.function.arguments or {}).items() %}"
                + "{{ k }}={{ v }};{% endfor %}{% endfor %}";
        assertThat(ChatTemplate.of(items).render(call, false)).isEqualTo("a=1;b=x;");
        String concatenated = "{{ messages[0]['tool_calls'][0]['function']['arguments'] + '!' }}";
        assertThat(ChatTemplate.of(concatenated).render(call, false)).isEqualTo("{\"a\": 1, \"b\": \"x\"}!");
        List<ChatMessage> notJson = List.of(ChatMessage.toolCalls(List.of(new ToolCall("1", "f", "not json"))));
        assertThat(ChatTemplate.of("{{ messages[0].tool_calls[0].function.arguments | tojson }}").render(notJson, false))
                .isEqualTo("\"not json\"");
    }

    @Test
    void aVocabularySuppliesTheGuessAndTheSpecialTokens() {
        String[] tokens = {"<｜begin▁of▁sentence｜>", "<｜end▁of▁sentence｜>", "<｜User｜>", "<｜Assistant｜>", "a"};
        Vocabulary vocabulary = new Vocabulary(TokenizerKind.BYTE_LEVEL_BPE, "deepseek-v3", tokens, null, new String[0],
                null, new SpecialTokenIds(0, 1, SpecialTokenIds.NONE, SpecialTokenIds.NONE, SpecialTokenIds.NONE,
                SpecialTokenIds.NONE), true, false, false);
        ChatTemplate template = ChatTemplate.forModel(null, "deepseek2", "DeepSeek V3", vocabulary).orElseThrow();
        assertThat(template.render(List.of(ChatMessage.user("Hi")), true, ChatTemplate.specialTokenVariables(vocabulary)))
                .isEqualTo("<｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜>");
        assertThat(ChatTemplate.specialTokenVariables(new Vocabulary(TokenizerKind.BYTE_LEVEL_BPE, null, new String[] {"x"},
                null, new String[0], null, SpecialTokenIds.none(), false, false, false)))
                .containsEntry("bos_token", "").containsEntry("eos_token", "");
    }

    @Test
    void templateErrorsAreTyped() {
        ChatTemplate strict = ChatTemplate.of("{% if messages[0].role == 'system' %}{{ raise_exception('no system') }}{% endif %}ok");
        assertThatThrownBy(() -> strict.render(List.of(ChatMessage.system("s")), true))
                .isInstanceOf(TemplateRaisedException.class).hasMessage("no system");
        assertThat(strict.render(List.of(ChatMessage.user("u")), true)).isEqualTo("ok");
    }

    @Test
    void messagesAreValidated() {
        assertThatThrownBy(() -> new ChatMessage(" ", "x", null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatMessage("assistant", null, null, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content or tool calls");
        assertThatThrownBy(() -> ChatMessage.toolCalls(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<List<ChatMessage>> conversations() {
        return List.of(
                List.of(ChatMessage.user("What is 2+2?")),
                List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"), ChatMessage.assistant("Hello."), ChatMessage.user("Joke?")),
                List.of(ChatMessage.system("One."), ChatMessage.system("Two."), ChatMessage.user("Q")),
                List.of(ChatMessage.user("Q"), ChatMessage.assistant("<think>\nr\n</think>\n\nA", "r"), ChatMessage.user("Q2")),
                List.of(ChatMessage.user("a"), ChatMessage.user("b")));
    }

    private static List<Map<?, ?>> jsonCases(Path file) throws IOException {
        List<Map<?, ?>> out = new ArrayList<>();
        ((List<?>) Json.parse(Files.readString(file))).forEach(c -> out.add((Map<?, ?>) c));
        return out;
    }

    /** Hub-style JSON messages as ChatMessages; empty when one has non-text content. */
    private static Optional<List<ChatMessage>> messages(List<?> json) {
        List<ChatMessage> out = new ArrayList<>();
        for (Object o : json) {
            Map<?, ?> m = (Map<?, ?>) o;
            if (m.get("content") != null && !(m.get("content") instanceof String)) {
                return Optional.empty();
            }
            List<ToolCall> calls = new ArrayList<>();
            if (m.get("tool_calls") instanceof List<?> list) {
                for (Object c : list) {
                    Map<?, ?> call = (Map<?, ?>) c;
                    Map<?, ?> function = (Map<?, ?>) call.get("function");
                    Object args = function.get("arguments");
                    calls.add(new ToolCall((String) call.get("id"), (String) function.get("name"),
                            args instanceof String s ? s : Json.write(args)));
                }
            }
            out.add(new ChatMessage((String) m.get("role"), (String) m.get("content"), (String) m.get("reasoning_content"),
                    calls, (String) m.get("tool_call_id")));
        }
        return Optional.of(out);
    }
}
