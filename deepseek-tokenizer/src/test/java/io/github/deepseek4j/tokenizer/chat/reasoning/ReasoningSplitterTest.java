package io.github.deepseek4j.tokenizer.chat.reasoning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReasoningSplitterTest {

    @Test
    void templateOpenedThink() {
        ReasoningSplit split = ReasoningSplitter.split("Let me add.\n2+2=4\n</think>\n\nThe answer is 4.", true);
        assertThat(split.reasoning()).isEqualTo("Let me add.\n2+2=4");
        assertThat(split.content()).isEqualTo("The answer is 4.");
        assertThat(split.hasReasoning()).isTrue();
    }

    @Test
    void modelWroteThink() {
        ReasoningSplit split = ReasoningSplitter.split("<think>\nShort.\n</think>\n\nHi!", false);
        assertThat(split).isEqualTo(new ReasoningSplit("Short.", "Hi!"));
    }

    @Test
    void modelRepeatsTheThinkThePromptOpened() {
        assertThat(ReasoningSplitter.split("<think>\nx\n</think>y", true)).isEqualTo(new ReasoningSplit("x", "y"));
    }

    @Test
    void noReasoningLeavesOutputUntouched() {
        assertThat(ReasoningSplitter.split("  Plain answer with </think> inside.", false))
                .isEqualTo(new ReasoningSplit("", "  Plain answer with </think> inside."));
        assertThat(ReasoningSplitter.split("<thinking is fun>", false)).isEqualTo(new ReasoningSplit("", "<thinking is fun>"));
    }

    @Test
    void unfinishedReasoningIsAllReasoning() {
        assertThat(ReasoningSplitter.split("still thinking </thi", true)).isEqualTo(new ReasoningSplit("still thinking </thi", ""));
        assertThat(ReasoningSplitter.split("<think> partial", false)).isEqualTo(new ReasoningSplit("partial", ""));
        assertThat(ReasoningSplitter.split("<thi", true)).isEqualTo(new ReasoningSplit("<thi", ""));
    }

    @Test
    void emptyReasoningAndEmptyOutput() {
        assertThat(ReasoningSplitter.split("</think>\n\nAnswer", true)).isEqualTo(new ReasoningSplit("", "Answer"));
        assertThat(ReasoningSplitter.split("", true)).isEqualTo(new ReasoningSplit("", ""));
        assertThat(ReasoningSplitter.split("", false)).isEqualTo(new ReasoningSplit("", ""));
    }

    @Test
    void otherReasoningTags() {
        assertThat(new ReasoningSplitter(false, "◁think▷", "◁/think▷").splitAll("◁think▷plan◁/think▷answer"))
                .isEqualTo(new ReasoningSplit("plan", "answer"));
        ReasoningSplitter seed = new ReasoningSplitter(true, "<seed:think>", "</seed:think>");
        assertThat(seed.accept("a </seed:th")).containsExactly(new ReasoningDelta(ReasoningDelta.Kind.REASONING, "a"));
        assertThat(seed.accept("ink> b")).containsExactly(new ReasoningDelta(ReasoningDelta.Kind.CONTENT, "b"));
    }

    @Test
    void detectsPromptsThatOpenThink() {
        assertThat(ReasoningSplitter.promptOpensReasoning("<｜User｜>Hi<｜Assistant｜><think>\n")).isTrue();
        assertThat(ReasoningSplitter.promptOpensReasoning("<｜User｜>Hi<｜Assistant｜>")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "true|Let me add.\\n2+2=4\\n</think>\\n\\nThe answer is 4.",
        "false|<think>\\nShort.\\n</think>\\n\\nHi!",
        "false|  Plain answer.",
        "true|<think>\\nx \\n</think>y </think> z",
        "true|a</thin</think>b",
        "false|<think>unfinished </th",
        "true|</think>",
        "false|<think></think>",
        "true|\\n\\n  \\n",
    })
    void streamingMatchesWholeSplitForEveryChunking(boolean opened, String escaped) {
        String output = escaped.replace("\\n", "\n");
        ReasoningSplit whole = ReasoningSplitter.split(output, opened);
        for (int cut1 = 0; cut1 <= output.length(); cut1++) {
            for (int cut2 = cut1; cut2 <= output.length(); cut2++) {
                List<String> chunks = List.of(output.substring(0, cut1), output.substring(cut1, cut2), output.substring(cut2));
                assertThat(stream(opened, chunks)).as("chunks %s", chunks).isEqualTo(whole);
            }
        }
        List<String> chars = output.chars().mapToObj(c -> String.valueOf((char) c)).toList();
        assertThat(stream(opened, chars)).isEqualTo(whole);
    }

    @Test
    void streamingNeverEmitsPartOfATag() {
        Random random = new Random(42);
        String output = "<think>\nStep one.\nStep two </think>\n\nDone </think> here.";
        for (int trial = 0; trial < 200; trial++) {
            ReasoningSplitter splitter = new ReasoningSplitter(false);
            List<ReasoningDelta> deltas = new ArrayList<>();
            for (int i = 0; i < output.length(); ) {
                int n = 1 + random.nextInt(5);
                deltas.addAll(splitter.accept(output.substring(i, Math.min(output.length(), i + n))));
                i += n;
            }
            deltas.addAll(splitter.finish());
            assertThat(deltas).allSatisfy(d -> {
                assertThat(d.text()).isNotEmpty();
                if (d.isReasoning()) {
                    assertThat(d.text()).doesNotContain("<", ">");
                }
            });
            assertThat(join(deltas, true)).isEqualTo("Step one.\nStep two");
            assertThat(join(deltas, false)).isEqualTo("Done </think> here.");
        }
    }

    @Test
    void reasoningIsStreamedBeforeTheCloseArrives() {
        ReasoningSplitter splitter = new ReasoningSplitter(true);
        assertThat(splitter.accept("\nThinking hard")).containsExactly(
                new ReasoningDelta(ReasoningDelta.Kind.REASONING, "Thinking hard"));
        assertThat(splitter.accept(" now </")).containsExactly(
                new ReasoningDelta(ReasoningDelta.Kind.REASONING, " now"));
        assertThat(splitter.accept("think>\n\nOK")).containsExactly(
                new ReasoningDelta(ReasoningDelta.Kind.CONTENT, "OK"));
        assertThat(splitter.finish()).isEmpty();
    }

    private static ReasoningSplit stream(boolean opened, List<String> chunks) {
        ReasoningSplitter splitter = new ReasoningSplitter(opened);
        List<ReasoningDelta> deltas = new ArrayList<>();
        chunks.forEach(c -> deltas.addAll(splitter.accept(c)));
        deltas.addAll(splitter.finish());
        return new ReasoningSplit(join(deltas, true), join(deltas, false));
    }

    private static String join(List<ReasoningDelta> deltas, boolean reasoning) {
        StringBuilder sb = new StringBuilder();
        deltas.stream().filter(d -> d.isReasoning() == reasoning).forEach(d -> sb.append(d.text()));
        return sb.toString();
    }
}
