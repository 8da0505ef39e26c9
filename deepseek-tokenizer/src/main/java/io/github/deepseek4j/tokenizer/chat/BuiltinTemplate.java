package io.github.deepseek4j.tokenizer.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chat formats for model files that carry no {@code tokenizer.chat_template}, written as Jinja
 * templates (resources under {@code builtin/}) and rendered by the same engine.
 */
public enum BuiltinTemplate {

    /** DeepSeek-V3 (and V2.5-style) with tool calls. */
    DEEPSEEK_V3("deepseek-v3", "deepseek-v3.jinja", DeepSeekTokens.VARIABLES, "deepseek3"),
    /** DeepSeek-R1 and its distills: history without reasoning, generation prompt opens {@code <think>}. */
    DEEPSEEK_R1("deepseek-r1", "deepseek-v3.jinja", DeepSeekTokens.THINKING, "r1"),
    /** DeepSeek-LLM chat: {@code User: ...\n\nAssistant: ...}. */
    DEEPSEEK_LLM("deepseek-llm", "deepseek-llm.jinja", DeepSeekTokens.VARIABLES, "deepseek"),
    /** DeepSeek-Coder instruct: {@code ### Instruction:} / {@code ### Response:} with its default system prompt. */
    DEEPSEEK_CODER("deepseek-coder", "deepseek-coder.jinja",
            Map.of("bos_token", DeepSeekTokens.BOS, "eos_token", "<|EOT|>")),
    /** Plain ChatML. */
    CHATML("chatml", "chatml.jinja", Map.of("bos_token", "", "eos_token", "<|im_end|>")),
    /** Qwen2 instruct: ChatML with the default system prompt "You are a helpful assistant.". */
    QWEN2("qwen2", "chatml.jinja", Map.of("bos_token", "", "eos_token", "<|im_end|>",
            "default_system", "You are a helpful assistant.")),
    /** Llama-3 instruct. */
    LLAMA_3("llama-3", "llama-3.jinja", Map.of("bos_token", "<|begin_of_text|>", "eos_token", "<|eot_id|>"), "llama3");

    private final String id;
    private final String resource;
    private final Map<String, Object> defaultVariables;
    private final List<String> aliases;

    BuiltinTemplate(String id, String resource, Map<String, Object> defaultVariables, String... aliases) {
        this.id = id;
        this.resource = resource;
        this.defaultVariables = defaultVariables;
        this.aliases = List.of(aliases);
    }

    /** The name users select it by, e.g. {@code "deepseek-r1"}. */
    public String id() {
        return id;
    }

    /** The variables it renders with unless the caller passes others ({@code bos_token}, {@code eos_token}, ...). */
    public Map<String, Object> defaultVariables() {
        return defaultVariables;
    }

    /** The Jinja source. */
    public String source() {
        try (InputStream in = BuiltinTemplate.class.getResourceAsStream("builtin/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in template resource missing: builtin/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in template builtin/" + resource, e);
        }
    }

    /**
     * The template named {@code name} (its id or an alias, ignoring case, {@code _} same as {@code -}).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static BuiltinTemplate byName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (BuiltinTemplate t : values()) {
            if (t.id.equals(key) || t.aliases.contains(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown chat template '" + name + "'; built-in templates: "
                + Arrays.stream(values()).map(BuiltinTemplate::id).toList());
    }

    /**
     * Guesses the format of a model without a template from its special tokens.
     *
     * @param architecture {@code general.architecture} (e.g. "qwen2", "llama", "deepseek2")
     * @param modelName    {@code general.name}, or ""; "R1" in it marks DeepSeek-R1 when the vocabulary
     *                     has no {@code <think>} token to tell it from V3
     * @param hasToken     whether the vocabulary contains a token text
     */
    public static Optional<BuiltinTemplate> guess(String architecture, String modelName, Predicate<String> hasToken) {
        String name = modelName == null ? "" : modelName.toLowerCase(Locale.ROOT);
        if (hasToken.test("<｜User｜>")) {
            return Optional.of(hasToken.test("<think>") || name.contains("r1") ? DEEPSEEK_R1 : DEEPSEEK_V3);
        }
        if (hasToken.test("<|start_header_id|>")) {
            return Optional.of(LLAMA_3);
        }
        if (hasToken.test("<|im_start|>")) {
            return Optional.of(architecture != null && architecture.startsWith("qwen2") ? QWEN2 : CHATML);
        }
        if (hasToken.test("<|EOT|>") || hasToken.test("<｜fim▁begin｜>")) {
            return Optional.of(DEEPSEEK_CODER);
        }
        if (hasToken.test(DeepSeekTokens.BOS)) {
            return Optional.of(DEEPSEEK_LLM);
        }
        return Optional.empty();
    }

    /** The special tokens DeepSeek models share. */
    private static final class DeepSeekTokens {
        static final String BOS = "<｜begin▁of▁sentence｜>";
        static final String EOS = "<｜end▁of▁sentence｜>";
        static final Map<String, Object> VARIABLES = Map.of("bos_token", BOS, "eos_token", EOS);
        static final Map<String, Object> THINKING = Map.of("bos_token", BOS, "eos_token", EOS, "thinking", true);
    }
}
