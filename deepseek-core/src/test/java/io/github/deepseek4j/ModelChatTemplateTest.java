package io.github.deepseek4j;

import io.github.deepseek4j.arch.SyntheticDenseModel;
import io.github.deepseek4j.gguf.GgufArray;
import io.github.deepseek4j.gguf.MetadataKey;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.tokenizer.chat.BuiltinTemplate;
import io.github.deepseek4j.tokenizer.chat.ChatTemplate;
import io.github.deepseek4j.tokenizer.chat.jinja.TemplateRaisedException;
import io.github.deepseek4j.tokenizer.chat.jinja.TemplateSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, item 2: a broken chat template in the file does not keep the model from loading. */
class ModelChatTemplateTest {

    @TempDir
    Path dir;

    private final SyntheticDenseModel llama = new SyntheticDenseModel("llama", 8, false, false, true, 3);

    /** The synthetic model with a SentencePiece vocabulary of its 40 tokens and {@code template}. */
    private Path withTemplate(String template) throws IOException {
        int n = llama.vocabulary;
        GgufWriter w = llama.writer()
                .putString(MetadataKey.TOKENIZER_MODEL.key(), "llama")
                .putArray(MetadataKey.TOKENIZER_TOKENS.key(), GgufArray.ofStrings(IntStream.range(0, n)
                        .mapToObj(i -> i == 0 ? "<unk>" : i == 1 ? "<s>" : i == 2 ? "</s>" : "▁t" + i).toArray(String[]::new)))
                .putArray(MetadataKey.TOKENIZER_TOKEN_TYPE.key(), GgufArray.ofInts(IntStream.range(0, n).map(i -> i < 3 ? 3 : 1).toArray()))
                .putArray(MetadataKey.TOKENIZER_SCORES.key(), GgufArray.ofFloats(new float[n]))
                .putUint32(MetadataKey.TOKENIZER_UNKNOWN_ID.key(), 0)
                .putUint32("tokenizer.ggml.bos_token_id", 1)
                .putUint32("tokenizer.ggml.eos_token_id", 2)
                .putString(Model.CHAT_TEMPLATE, template);
        Path file = dir.resolve("model.gguf");
        w.write(file);
        return file;
    }

    @Test
    void aTemplateNestedTooDeeplyLoadsAndChatNamesTheProblem() throws Exception {
        Path file = withTemplate("{% if true %}".repeat(10_000) + "x" + "{% endif %}".repeat(10_000));
        try (Model model = Model.builder(file).threads(1).build()) {
            assertThat(model.generate(model.tokenizer().encode("t3"), GenerationOptions.builder().maxTokens(2).build())
                    .tokens()).isNotEmpty();
            assertThatThrownBy(model::chatTemplate).isInstanceOf(ChatTemplateException.class).hasCauseInstanceOf(TemplateSyntaxException.class)
                    .hasMessageContaining("nested deeper");
            assertThatThrownBy(() -> model.chat(List.of(ChatMessage.user("hi")), GenerationOptions.builder().maxTokens(1).build(),
                    d -> { })).isInstanceOf(ChatTemplateException.class).hasCauseInstanceOf(TemplateSyntaxException.class).hasMessageContaining("nested deeper");
        }
    }

    @Test
    void aBrokenTemplateCanBeReplacedByABuiltInOne() throws Exception {
        Path file = withTemplate("{% for %}");
        ChatTemplate chatml = ChatTemplate.of(BuiltinTemplate.CHATML);
        try (Model model = Model.builder(file).threads(1).chatTemplate(chatml).build()) {
            assertThat(model.chatTemplate()).isSameAs(chatml);
        }
        try (Model model = Model.builder(file).threads(1).build()) {
            assertThatThrownBy(model::chatTemplate).isInstanceOf(ChatTemplateException.class).hasCauseInstanceOf(TemplateSyntaxException.class);
        }
    }

    @Test
    void aTemplateThatRefusesTheConversationIsAChatTemplateException() throws Exception {
        Path file = withTemplate("{% if messages[0].role == 'system' %}{{ raise_exception('System role not supported') }}"
                + "{% endif %}{{ messages[0].content }}");
        try (Model model = Model.builder(file).threads(1).build()) {
            assertThatThrownBy(() -> model.chat(List.of(ChatMessage.system("Be brief."), ChatMessage.user("hi")),
                    GenerationOptions.builder().maxTokens(1).build()))
                    .isInstanceOf(ChatTemplateException.class).hasCauseInstanceOf(TemplateRaisedException.class)
                    .hasMessage("System role not supported");
        }
    }
}
