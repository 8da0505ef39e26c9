package io.github.deepseek4j.demo;

import io.github.deepseek4j.ChatMessage;
import io.github.deepseek4j.ChatResult;
import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.gguf.GgufMetadata;
import io.github.deepseek4j.source.ModelCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled model loads from the classpath, has the DeepSeek-V3 architecture it claims, and generates
 * the same greedy text on any thread count: the guarantees downstream unit tests rely on.
 */
class DemoModelTest {

    /** Greedy continuation of "ROMEO:" (24 tokens), pinned so that any change in the engine shows. */
    private static final String ROMEO_GREEDY = " thou art a minute, thou art not honest,\nAnd that thy tale is full of my love's";

    /**
     * A prompt and its tokens, whose logits {@code tools/demo-model/reference_logits.py} computed with the
     * training code's own model in float64 (matrices rounded to F16 as in the GGUF): reference-logits.bin.
     */
    private static final String REFERENCE_PROMPT = "ROMEO:\nBut, soft! what light through yonder window breaks?";
    private static final int[] REFERENCE_TOKENS = {833, 272, 461, 48, 376, 1085, 37, 445, 1274, 1770, 289, 1758, 1632, 307,
        1626, 119, 67};

    @TempDir
    static Path cacheDir;

    private static Model model;

    @BeforeAll
    static void load() throws Exception {
        model = DemoModel.builder().cache(ModelCache.at(cacheDir)).threads(2).build();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void isADeepSeekV3StyleModel() throws Exception {
        GgufMetadata metadata = model.gguf().metadata();
        assertThat(model.architecture()).isEqualTo("deepseek2");
        assertThat(metadata.getInt("deepseek2.leading_dense_block_count")).isEqualTo(1);
        assertThat(metadata.getInt("deepseek2.expert_count")).isEqualTo(8);
        assertThat(metadata.getInt("deepseek2.expert_shared_count")).isEqualTo(1);
        assertThat(metadata.getInt("deepseek2.expert_used_count")).isEqualTo(2);
        assertThat(metadata.getInt("deepseek2.expert_gating_func")).isEqualTo(2); // sigmoid
        assertThat(metadata.getInt("deepseek2.attention.q_lora_rank")).isEqualTo(128);
        assertThat(metadata.getInt("deepseek2.attention.kv_lora_rank")).isEqualTo(64);
        assertThat(model.vocabularySize()).isEqualTo(2048);
        assertThat(model.hasTokenizer()).isTrue();
    }

    /**
     * The converter and the engine against an independent implementation of DeepSeek-V3 (the PyTorch model
     * the weights were trained in): every position's logits, through latent attention, sigmoid routing
     * with its selection bias and the shared expert.
     */
    @Test
    void logitsMatchTheTrainingCodesModel() throws Exception {
        assertThat(model.tokenizer().encode(REFERENCE_PROMPT)).containsExactly(REFERENCE_TOKENS);
        float[][] actual;
        try (Session session = model.newSession()) {
            actual = session.forwardAll(REFERENCE_TOKENS);
        }
        FloatBuffer expected;
        try (InputStream in = DemoModelTest.class.getResourceAsStream("reference-logits.bin")) {
            expected = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        }
        int vocab = model.vocabularySize();
        assertThat(expected.remaining()).isEqualTo(REFERENCE_TOKENS.length * vocab);
        for (int t = 0; t < REFERENCE_TOKENS.length; t++) {
            double error = 0;
            double norm = 0;
            for (int v = 0; v < vocab; v++) {
                double e = expected.get(t * vocab + v);
                error += (actual[t][v] - e) * (actual[t][v] - e);
                norm += e * e;
            }
            assertThat(Math.sqrt(error / norm)).as("relative RMS error of position %d", t).isLessThan(1e-4);
        }
    }

    @Test
    void greedyTextIsPinnedAndTheSameOnOneThread() throws Exception {
        GenerationOptions options = GenerationOptions.builder().maxTokens(24).build();
        String text = model.generate("ROMEO:", options).text();
        assertThat(text).isEqualTo(ROMEO_GREEDY);
        try (Model single = DemoModel.builder().cache(ModelCache.at(cacheDir)).threads(1).build()) {
            assertThat(single.generate("ROMEO:", options).text()).isEqualTo(text);
        }
    }

    /** The quality bar of the issue, as a guard: a long greedy text mostly does not repeat itself. */
    @Test
    void longGreedyTextIsNotARepetitionLoop() {
        String text = model.generate("KING HENRY:", GenerationOptions.builder().maxTokens(200).build()).text();
        List<String> words = Arrays.asList(text.trim().split("\\s+"));
        Set<List<String>> trigrams = new HashSet<>();
        for (int i = 0; i + 3 <= words.size(); i++) {
            trigrams.add(words.subList(i, i + 3));
        }
        assertThat(words).hasSizeGreaterThan(60);
        assertThat((double) trigrams.size() / (words.size() - 2)).as("distinct word trigrams in: %s", text)
                .isGreaterThan(0.7);
    }

    @Test
    void chatsWithItsTemplate() {
        ChatResult reply = model.chat(List.of(ChatMessage.user("Good morrow, what news?")),
                GenerationOptions.builder().maxTokens(32).build());
        assertThat(reply.content()).isNotBlank();
    }
}
