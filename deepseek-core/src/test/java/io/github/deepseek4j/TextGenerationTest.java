package io.github.deepseek4j;

import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text-level API on stories260K (real weights, SentencePiece vocabulary of 512). */
class TextGenerationTest {

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

    private static GenerationOptions.Builder sampled() {
        return GenerationOptions.builder().temperature(0.9).topK(40).topP(0.95).minP(0.05).repeatPenalty(1.1)
                .seed(1234).maxTokens(40);
    }

    @Test
    void seededSamplingIsTheSameOnOneAndTwoThreads() throws Exception {
        GenerationOptions options = sampled().build();
        String twoThreads = model.generate("Once upon a time", options).text();
        try (Model single = Model.builder(model.path()).threads(1).build()) {
            assertThat(single.generate("Once upon a time", options).text()).isEqualTo(twoThreads);
        }
        assertThat(model.generate("Once upon a time", options).text()).isEqualTo(twoThreads);
        String otherSeed = model.generate("Once upon a time", sampled().seed(99).build()).text();
        assertThat(otherSeed).isNotEqualTo(twoThreads);
    }

    @Test
    void theEndOfSequenceTokenStopsTextGenerationButNotTokenGeneration() {
        int eos = model.tokenizer().eosId();
        GenerationOptions towardsEos = GenerationOptions.builder().maxTokens(5).logitBias(eos, 100).build();
        GenerationResult text = model.generate("Once upon a time", towardsEos);
        assertThat(text.stopReason()).isEqualTo(StopReason.STOP_TOKEN);
        assertThat(text.tokens()).isEmpty();
        assertThat(text.text()).isEmpty();
        GenerationResult tokens = model.generate(model.tokenizer().encode("Once upon a time"), towardsEos);
        assertThat(tokens.tokens()).containsOnly(eos).hasSize(5);
    }

    @Test
    void stopStringsEndTheTextAndAreLeftOut() {
        GenerationResult r = model.generate("Once upon a time",
                GenerationOptions.builder().maxTokens(64).stopStrings("named Li").build());
        assertThat(r.stopReason()).isEqualTo(StopReason.STOP_STRING);
        assertThat(r.text()).isEqualTo(", there was a little girl ");
    }

    @Test
    void callbackIteratorStreamAndPublisherDeliverTheSameText() throws Exception {
        GenerationOptions options = sampled().build();
        List<String> deltas = new ArrayList<>();
        String expected;
        try (Session session = model.newSession()) {
            expected = session.generate("Once upon a time", options, deltas::add).text();
        }
        assertThat(String.join("", deltas)).isEqualTo(expected);
        assertThat(model.generate("Once upon a time", options).text()).isEqualTo(expected);

        try (TextStream stream = model.start("Once upon a time", options)) {
            assertThat(stream.stream().collect(Collectors.joining())).isEqualTo(expected);
            assertThat(stream.result().stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        }

        StringBuilder published = new StringBuilder();
        CountDownLatch done = new CountDownLatch(1);
        model.publisher("Once upon a time", options).subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;

            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            public void onNext(String delta) {
                published.append(delta);
                subscription.request(1);
            }

            public void onError(Throwable e) {
                published.append("ERROR ").append(e);
                done.countDown();
            }

            public void onComplete() {
                done.countDown();
            }
        });
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(published.toString()).isEqualTo(expected);
    }

    @Test
    void aNonPositiveRequestEndsTheSubscriptionWithAnError() throws Exception {
        List<Throwable> errors = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        model.publisher("Once upon a time", GenerationOptions.defaults()).subscribe(new Flow.Subscriber<>() {
            public void onSubscribe(Flow.Subscription s) {
                s.request(0);
            }

            public void onNext(String delta) {
                errors.add(new AssertionError("unexpected delta " + delta));
            }

            public void onError(Throwable e) {
                errors.add(e);
                done.countDown();
            }

            public void onComplete() {
                done.countDown();
            }
        });
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).singleElement().isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chatRendersTheFallbackTemplateAndKeepsTheRawText() {
        List<ChatDelta> deltas = new ArrayList<>();
        ChatResult r;
        try (ChatStream turn = model.startChat(List.of(ChatMessage.user("Tell me a story")),
                GenerationOptions.builder().maxTokens(16).build())) {
            turn.forEachRemaining(deltas::add);
            r = turn.result();
        }
        assertThat(r.reasoning()).isEmpty();
        assertThat(r.rawText()).isEqualTo(r.generation().text());
        assertThat(deltas).allMatch(d -> !d.isReasoning());
        assertThat(deltas.stream().map(ChatDelta::text).collect(Collectors.joining())).isEqualTo(r.content());
    }

    @Test
    void aChatSessionReusesTheCachedPrefixOfTheHistory() {
        try (Session session = model.newSession()) {
            List<ChatMessage> history = new ArrayList<>(List.of(ChatMessage.user("Hi")));
            ChatResult first = session.chat(history, GenerationOptions.builder().maxTokens(8).build());
            history.add(ChatMessage.assistant(first.content()));
            history.add(ChatMessage.user("More"));
            ChatResult second = session.chat(history, GenerationOptions.builder().maxTokens(8).build());
            int whole = ChatPrompt.render(model, ChatRequest.of(history, GenerationOptions.defaults())).tokens().length;
            assertThat(second.generation().promptTokens()).isLessThan(whole - first.generation().promptTokens() / 2);
            try (Session fresh = model.newSession()) {
                assertThat(fresh.chat(history, GenerationOptions.builder().maxTokens(8).build()).rawText())
                        .isEqualTo(second.rawText());
            }
        }
    }

    @Test
    void badOptionsNameTheValue() {
        assertThatThrownBy(() -> GenerationOptions.builder().topP(1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> GenerationOptions.builder().topK(-2)).hasMessageContaining("-2");
        assertThatThrownBy(() -> GenerationOptions.builder().minP(-0.1)).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> GenerationOptions.builder().repeatPenalty(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> GenerationOptions.builder().stopStrings("")).hasMessageContaining("stop strings");
        assertThatThrownBy(() -> model.generate("x", GenerationOptions.builder().logitBias(100000, 1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100000");
    }
}
