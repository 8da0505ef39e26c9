package io.github.deepseek4j;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting a streamed assistant turn into reasoning and content, piece by piece as tokens would arrive. */
class ChatTurnTest {

    private static final GenerationResult NONE = new GenerationResult(new int[0], StopReason.STOP_TOKEN, 1,
            java.time.Duration.ZERO, java.time.Duration.ZERO, java.time.Duration.ZERO, 0);

    private static ChatResult feed(boolean promptOpened, List<ChatDelta> deltas, String... pieces) {
        ChatTurn turn = new ChatTurn(promptOpened, deltas::add);
        for (String p : pieces) {
            turn.accept(p);
        }
        return turn.finish(NONE);
    }

    @Test
    void theTemplateOpenedThink() {
        List<ChatDelta> deltas = new ArrayList<>();
        ChatResult r = feed(true, deltas, "Let me", " think.\n</th", "ink>\n\nThe answer", " is 4.");
        assertThat(r.reasoning()).isEqualTo("Let me think.");
        assertThat(r.content()).isEqualTo("The answer is 4.");
        assertThat(r.rawText()).isEqualTo("Let me think.\n</think>\n\nThe answer is 4.");
        assertThat(deltas).noneMatch(d -> d.text().contains("<") || d.text().contains(">"));
        assertThat(deltas.getFirst().isReasoning()).isTrue();
        assertThat(deltas.getLast().isReasoning()).isFalse();
    }

    @Test
    void theModelWroteThink() {
        List<ChatDelta> deltas = new ArrayList<>();
        ChatResult r = feed(false, deltas, "<thi", "nk>\nHmm", ", 2+2.</think>", "4");
        assertThat(r.reasoning()).isEqualTo("Hmm, 2+2.");
        assertThat(r.content()).isEqualTo("4");
        assertThat(deltas).noneMatch(d -> d.text().contains("think"));
    }

    @Test
    void noReasoningIsAllContent() {
        ChatResult r = feed(false, new ArrayList<>(), "Just ", "an answer.");
        assertThat(r.reasoning()).isEmpty();
        assertThat(r.content()).isEqualTo("Just an answer.");
    }
}
