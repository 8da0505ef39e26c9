package io.github.deepseek4j.examples;

import io.github.deepseek4j.ChatMessage;
import io.github.deepseek4j.ChatResult;
import io.github.deepseek4j.ChatStream;
import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.GenerationResult;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.TextStream;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Generates text (blocking, and streamed on the handle that start returns) and chats. */
public final class GenerateAndChat {

    private GenerateAndChat() {
    }

    /** @param args the model file */
    public static void main(String[] args) throws IOException {
        Path modelFile = Path.of(args[0]);
        try (Model model = Model.load(modelFile)) {
            GenerationResult r = model.generate("Once upon a time");          // greedy, at most 256 tokens
            System.out.println(r.text() + " [" + r.stopReason() + ", " + r.decodeTokensPerSecond() + " tok/s]");

            GenerationOptions options = GenerationOptions.builder()           // settings only: share them freely
                    .temperature(0.7).topK(40).topP(0.95).minP(0.05).repeatPenalty(1.1).seed(42)
                    .maxTokens(512).stopStrings("\n\n").build();
            try (TextStream text = model.start("Write a haiku:", options)) {   // runs on a thread of its own
                text.timeout(Duration.ofMinutes(1));                           // then ends with StopReason.DEADLINE
                text.forEachRemaining(System.out::print);                      // whole characters; cancel() stops it
            }

            ChatResult answer = model.chat(List.of(ChatMessage.user("Why is the sky blue?")), options);
            System.out.println(answer.content() + "\n" + answer.reasoning()); // <think>...</think> split off

            try (ChatStream turn = model.startChat(List.of(ChatMessage.user("Hi!")), options)) {
                turn.forEachRemaining(delta -> System.out.print(delta.isReasoning() ? "" : delta.text()));
                System.out.println(" [" + turn.progress().generated() + " tokens]");
            }
        }
    }
}
