package io.github.deepseek4j;

import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link Generation} handle: the per-call control that options no longer hold (stories260K). */
class GenerationTest {

    private static final String PROMPT = "Once upon a time";

    private static Model model;

    @BeforeAll
    static void load() throws Exception {
        model = Model.builder(SharedData.require("models/stories260K.gguf")).threads(2).build();
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    /** Runs until stopped from outside: no end-of-sequence, the context shifts when full, a million tokens. */
    private static GenerationOptions endless() {
        return GenerationOptions.builder().maxTokens(1_000_000).contextShift(0)
                .logitBias(model.tokenizer().eosId(), Float.NEGATIVE_INFINITY).build();
    }

    @Test
    void aStartedGenerationGivesWhatTheBlockingCallGivesAndReportsItsProgress() {
        GenerationOptions options = GenerationOptions.builder().maxTokens(24).build();
        GenerationResult blocking = model.generate(PROMPT, options);
        try (TextStream text = model.start(PROMPT, options)) {
            assertThat(text.stream().collect(Collectors.joining())).isEqualTo(blocking.text());
            GenerationResult result = text.result();
            assertThat(result.tokens()).isEqualTo(blocking.tokens());
            assertThat(text.isDone()).isTrue();
            assertThat(text.progress()).isEqualTo(new Generation.Progress(result.promptTokens(), result.promptTokens(),
                    result.generatedTokens()));
            assertThat(text.progress().prefillDone()).isTrue();
        }
    }

    @Test
    void aStartedChatStreamsTheTurnThatChatReturns() {
        List<ChatMessage> conversation = List.of(ChatMessage.user("Tell me a story"));
        GenerationOptions options = GenerationOptions.builder().maxTokens(16).build();
        ChatResult blocking = model.chat(conversation, options);
        List<ChatDelta> deltas = new ArrayList<>();
        try (Session session = model.newSession(); ChatStream turn = session.startChat(conversation, options)) {
            turn.forEachRemaining(deltas::add);
            assertThat(turn.result().rawText()).isEqualTo(blocking.rawText());
        }
        assertThat(deltas.stream().map(ChatDelta::text).collect(Collectors.joining())).isEqualTo(blocking.content());
    }

    @Test
    void cancelFromAnotherThreadEndsTheGeneration() throws Exception {
        try (TextStream text = model.start(PROMPT, endless())) {
            text.next();
            Thread canceller = Thread.ofPlatform().start(text::cancel);
            canceller.join();
            text.forEachRemaining(d -> { });
            assertThat(text.result().stopReason()).isEqualTo(StopReason.CANCELLED);
        }
    }

    @Test
    void theTimeLimitEndsTheGenerationWithDeadline() {
        try (TextStream text = model.start(PROMPT, endless())) {
            text.timeout(Duration.ofNanos(1));
            assertThat(text.result().stopReason()).isEqualTo(StopReason.DEADLINE);
        }
        try (TextStream text = model.start(PROMPT, GenerationOptions.builder().maxTokens(1).build())) {
            assertThatThrownBy(() -> text.timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("PT0S");
        }
    }

    @Test
    void interruptingTheWaitingThreadCancels() {
        try (TextStream text = model.start(PROMPT, endless())) {
            Thread.currentThread().interrupt();
            assertThat(text.result().stopReason()).isEqualTo(StopReason.CANCELLED);
            assertThat(Thread.interrupted()).as("the interrupt status stays set").isTrue();
        }
    }

    @Test
    void aSessionIsBusyUntilItsGenerationEnds() {
        try (Session session = model.newSession()) {
            TextStream text = session.start(PROMPT, endless());
            assertThatThrownBy(() -> session.forward(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still running");
            assertThatThrownBy(() -> session.generate(PROMPT, GenerationOptions.defaults()))
                    .isInstanceOf(IllegalStateException.class);
            text.close();
            assertThat(text.result().stopReason()).isEqualTo(StopReason.CANCELLED);
            assertThat(session.generate(PROMPT, GenerationOptions.builder().maxTokens(2).build()).generatedTokens())
                    .isEqualTo(2);

            TextStream running = session.start(PROMPT, endless());
            session.close(); // cancels and waits: the cache is never freed under a running generation
            assertThat(running.isDone()).isTrue();
            assertThat(running.result().stopReason()).isEqualTo(StopReason.CANCELLED);
        }
    }

    @Test
    void aPromptThatCannotBeGeneratedFromFailsAtStart() {
        int[] tooLong = new int[model.contextLength() + 1];
        assertThatThrownBy(() -> model.start(tooLong, GenerationOptions.defaults()))
                .isInstanceOf(ContextOverflowException.class);
        try (Session session = model.newSession()) {
            assertThatThrownBy(() -> session.start(tooLong, GenerationOptions.defaults()))
                    .isInstanceOf(ContextOverflowException.class);
            assertThat(session.forward(1)).hasSize(model.vocabularySize()); // not left busy
        }
    }
}
