package io.github.deepseek4j.tokenizer.chat;

import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.tokenizer.SpecialTokenIds;
import io.github.deepseek4j.tokenizer.Vocabulary;
import io.github.deepseek4j.tokenizer.chat.jinja.JinjaTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A model's chat template: turns a conversation into the prompt text the model was trained on,
 * exactly as the model hubs render {@code tokenizer.chat_template}.
 *
 * <pre>{@code
 * ChatTemplate template = ChatTemplate.of(metadata.getString("tokenizer.chat_template", null));
 * String prompt = template.render(List.of(ChatMessage.user("Hi")), true,
 *         Map.of("bos_token", "<｜begin▁of▁sentence｜>", "eos_token", "<｜end▁of▁sentence｜>"));
 * }</pre>
 *
 * <p>Messages become maps with {@code role}, {@code content} (null allowed), and when set
 * {@code reasoning_content}, {@code tool_calls} ({@code id}, {@code type: "function"},
 * {@code function: {name, arguments}}) and {@code tool_call_id}. Tool-call arguments are passed as
 * the parsed JSON object, as the hubs expect ({@code arguments | tojson} in Qwen, Llama, Mistral,
 * GLM...), except to templates that concatenate them as text ({@code arguments + ...}, the DeepSeek
 * family), which get the JSON text. Immutable and thread-safe.
 */
public final class ChatTemplate {

    /** {@code arguments + '...'} or {@code ['arguments'] + ...}: the template needs the arguments as text. */
    private static final Pattern ARGUMENTS_AS_TEXT = Pattern.compile("arguments['\"]?]?\\s*\\+");

    private final JinjaTemplate template;
    private final Map<String, Object> defaults;
    private final boolean argumentsAsObject;

    private ChatTemplate(JinjaTemplate template, Map<String, Object> defaults) {
        this.template = template;
        this.defaults = Map.copyOf(defaults);
        this.argumentsAsObject = !ARGUMENTS_AS_TEXT.matcher(template.source()).find();
    }

    /**
     * Compiles a template text, e.g. the GGUF key {@code tokenizer.chat_template}.
     *
     * @throws io.github.deepseek4j.tokenizer.chat.jinja.TemplateSyntaxException the text is not a valid template
     */
    public static ChatTemplate of(String source) {
        return new ChatTemplate(JinjaTemplate.compile(source), Map.of());
    }

    /** A built-in template with its family's {@code bos_token} and {@code eos_token} as defaults. */
    public static ChatTemplate of(BuiltinTemplate builtin) {
        return new ChatTemplate(JinjaTemplate.compile(builtin.source()), builtin.defaultVariables());
    }

    /**
     * The template for a model file: its own {@code tokenizer.chat_template} when present, else the
     * built-in format {@link BuiltinTemplate#guess guessed} from its vocabulary; empty when neither applies.
     */
    public static Optional<ChatTemplate> forModel(String chatTemplate, String architecture, String modelName,
                                                  Predicate<String> hasToken) {
        if (chatTemplate != null && !chatTemplate.isBlank()) {
            return Optional.of(of(chatTemplate));
        }
        return BuiltinTemplate.guess(architecture, modelName, hasToken).map(ChatTemplate::of);
    }

    /** As {@link #forModel(String, String, String, Predicate)}, reading the token texts of {@code vocabulary}. */
    public static Optional<ChatTemplate> forModel(String chatTemplate, String architecture, String modelName,
                                                  Vocabulary vocabulary) {
        Set<String> texts = new HashSet<>(vocabulary.tokens());
        return forModel(chatTemplate, architecture, modelName, texts::contains);
    }

    /**
     * The {@code bos_token} and {@code eos_token} variables for {@link #render(List, boolean, Map)}: the
     * texts of the vocabulary's BOS and EOS tokens, "" where it has none.
     */
    public static Map<String, Object> specialTokenVariables(Vocabulary vocabulary) {
        SpecialTokenIds ids = vocabulary.specialIds();
        return Map.of("bos_token", tokenText(vocabulary, ids.bos()), "eos_token", tokenText(vocabulary, ids.eos()));
    }

    private static String tokenText(Vocabulary vocabulary, int id) {
        return id == SpecialTokenIds.NONE ? "" : vocabulary.token(id);
    }

    public String source() {
        return template.source();
    }

    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        return render(messages, addGenerationPrompt, Map.of());
    }

    /**
     * Renders a conversation.
     *
     * @param addGenerationPrompt end with the header of a new assistant turn (for generation)
     * @param variables           more template variables: {@code bos_token}, {@code eos_token},
     *                            {@code tools} (a list of OpenAI-style tool maps), or any variable the
     *                            template reads ({@code date_string}, {@code thinking}, ...)
     * @throws io.github.deepseek4j.tokenizer.chat.jinja.TemplateRaisedException  the template rejected the conversation
     * @throws io.github.deepseek4j.tokenizer.chat.jinja.TemplateRuntimeException rendering failed
     */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt, Map<String, ?> variables) {
        return render(messages, addGenerationPrompt, variables, Clock.systemDefaultZone());
    }

    /** As {@link #render(List, boolean, Map)}, with the clock {@code strftime_now} reads. */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt, Map<String, ?> variables, Clock clock) {
        Map<String, Object> context = new LinkedHashMap<>(defaults);
        context.putAll(variables);
        List<Object> rendered = new ArrayList<>(messages.size());
        for (ChatMessage m : messages) {
            rendered.add(toTemplateValue(m));
        }
        context.put("messages", rendered);
        context.put("add_generation_prompt", addGenerationPrompt);
        return template.render(context, clock);
    }

    private Map<String, Object> toTemplateValue(ChatMessage m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("role", m.role());
        map.put("content", m.content());
        if (m.reasoningContent() != null) {
            map.put("reasoning_content", m.reasoningContent());
        }
        if (!m.toolCalls().isEmpty()) {
            List<Object> calls = new ArrayList<>();
            for (ToolCall call : m.toolCalls()) {
                Map<String, Object> function = new LinkedHashMap<>();
                function.put("name", call.name());
                function.put("arguments", argumentsAsObject ? parsedOrText(call.arguments()) : call.arguments());
                Map<String, Object> value = new LinkedHashMap<>();
                if (call.id() != null) {
                    value.put("id", call.id());
                }
                value.put("type", "function");
                value.put("function", function);
                calls.add(value);
            }
            map.put("tool_calls", calls);
        }
        if (m.toolCallId() != null) {
            map.put("tool_call_id", m.toolCallId());
        }
        return map;
    }

    /** The parsed arguments object; text that is not a JSON object stays text. */
    private static Object parsedOrText(String arguments) {
        try {
            Object parsed = Json.parse(arguments);
            return parsed instanceof Map<?, ?> ? parsed : arguments;
        } catch (Json.JsonException e) {
            return arguments;
        }
    }
}
