package io.github.deepseek4j;

import io.github.deepseek4j.arch.SyntheticDenseModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTest {

    @TempDir
    static Path dir;
    static Path file;
    static final int[] TOKENS = {1, 9, 33, 2, 14, 14, 27, 39, 0, 5, 11, 20, 3};

    @BeforeAll
    static void writeModel() throws Exception {
        file = SyntheticDenseModel.qwen3(11).write(dir.resolve("m.gguf"));
    }

    @Test
    void batchesSplitAtTheLimitGiveTheSameLogits() throws Exception {
        try (Model whole = Model.builder(file).threads(2).build();
             Model split = Model.builder(file).threads(1).maxBatch(4).build();
             Session a = whole.newSession(); Session b = split.newSession()) {
            assertThat(b.forwardAll(TOKENS)).isDeepEqualTo(a.forwardAll(TOKENS));
            assertThat(a.position()).isEqualTo(TOKENS.length);
        }
    }

    @Test
    void lastLogitsEqualTheLastRowAndResetStartsOver() throws Exception {
        try (Model model = Model.builder(file).threads(2).build(); Session s = model.newSession()) {
            float[][] all = s.forwardAll(TOKENS);
            s.reset();
            assertThat(s.position()).isZero();
            assertThat(s.forward(TOKENS)).containsExactly(all[TOKENS.length - 1]);
        }
    }

    @Test
    void overflowIsAClearErrorAndLeavesTheSessionUnchanged() throws Exception {
        try (Model model = Model.builder(file).threads(1).contextLength(10).build(); Session s = model.newSession()) {
            assertThat(s.cacheBytes()).isEqualTo(10 * model.cacheBytesPerToken());
            s.forward(1, 2, 3, 4, 5, 6, 7, 8);
            assertThatThrownBy(() -> s.forward(1, 2, 3))
                    .isInstanceOf(ContextOverflowException.class)
                    .hasMessageContaining("holds 8 of 10 tokens and 3 more");
            assertThat(s.position()).isEqualTo(8);
            s.forward(1, 2);
            assertThat(s.remaining()).isZero();
        }
    }

    @Test
    void tokensOutsideTheVocabularyAreRejected() throws Exception {
        try (Model model = Model.builder(file).threads(1).build(); Session s = model.newSession()) {
            assertThatThrownBy(() -> s.forward(1, 40)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("token 40 at index 1 is outside the vocabulary of 40");
            assertThatThrownBy(() -> s.forward()).isInstanceOf(IllegalArgumentException.class);
            assertThat(s.position()).isZero();
        }
    }

    @Test
    void generationStopsAtStopTokensAndAtTheEndOfTheContext() throws Exception {
        try (Model model = Model.builder(file).threads(1).contextLength(8).build()) {
            GenerationResult full = model.generate(new int[] {1, 2, 3}, GenerationOptions.builder().maxTokens(50).build());
            assertThat(full.stopReason()).isEqualTo(StopReason.CONTEXT_FULL);
            assertThat(full.generatedTokens()).isEqualTo(6); // 5 fed after the prompt fill the context, the 6th is not fed
            int[] greedy = full.tokens();
            GenerationResult stopped = model.generate(new int[] {1, 2, 3},
                    GenerationOptions.builder().stopTokens(greedy[2]).build());
            assertThat(stopped.stopReason()).isEqualTo(StopReason.STOP_TOKEN);
            assertThat(stopped.tokens()).containsExactly(greedy[0], greedy[1]);
        }
    }

    @Test
    void seededSamplingIsReproducible() throws Exception {
        try (Model model = Model.builder(file).threads(1).build()) {
            GenerationOptions o = GenerationOptions.builder().temperature(0.8).seed(5).maxTokens(10).build();
            assertThat(model.generate(TOKENS, o).tokens()).containsExactly(model.generate(TOKENS, o).tokens());
        }
    }

    @Test
    void observerSeesNamedIntermediates() throws Exception {
        List<String> seen = new ArrayList<>();
        try (Model model = Model.builder(file).threads(1).observer((l, name, v, t, w) -> seen.add(l + ":" + name + ":" + t))
                .build(); Session s = model.newSession()) {
            s.forward(1, 2, 3);
        }
        assertThat(seen).contains("-1:inp_embd:3", "0:attn_norm:3", "1:l_out:3", "-1:result_output:1");
    }

    @Test
    void closedModelRefusesWorkAndCloseIsIdempotent() throws Exception {
        Model model = Model.builder(file).threads(2).build();
        Session s = model.newSession();
        s.close();
        s.close();
        assertThatThrownBy(() -> s.forward(1)).isInstanceOf(IllegalStateException.class).hasMessage("session is closed");
        model.close();
        model.close();
        assertThatThrownBy(model::newSession).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
