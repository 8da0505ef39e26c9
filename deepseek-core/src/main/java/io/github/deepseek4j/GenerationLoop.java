package io.github.deepseek4j;

import io.github.deepseek4j.runtime.sampling.TokenSampler;
import io.github.deepseek4j.runtime.text.GeneratedText;
import io.github.deepseek4j.tokenizer.Tokenizer;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One generation in a session: prefill, then sample and feed a token at a time until a stop condition.
 * With a tokenizer it also builds the text, stops at end-of-generation tokens and stop strings, and
 * streams text deltas; without one it works on tokens only.
 */
final class GenerationLoop {

    private final Session session;
    private final GenerationOptions options;
    private final Tokenizer tokenizer; // null: token-level generation
    private final Consumer<String> onText;
    private final GenerationControl control;

    GenerationLoop(Session session, GenerationOptions options, Tokenizer tokenizer, Consumer<String> onText,
                   GenerationControl control) {
        this.session = session;
        this.options = options;
        this.tokenizer = tokenizer;
        this.onText = onText;
        this.control = control;
    }

    GenerationResult run(int[] prompt) {
        long start = System.nanoTime();
        int n = session.vocabularySize();
        TokenSampler sampler = new TokenSampler(options.sampling(), n);
        for (int i = Math.max(0, prompt.length - options.penaltyWindow()); i < prompt.length; i++) {
            sampler.accept(prompt[i]);
        }
        GeneratedText text = tokenizer == null ? null
                : new GeneratedText(tokenizer, options.renderSpecialTokens(), options.stopStrings(), prompt);
        StopReason reason = session.prefill(prompt, control);
        long prefillEnd = System.nanoTime();
        int[] out = new int[options.maxTokens()];
        int count = 0;
        int steps = 0;
        long firstToken = prefillEnd;
        while (reason == null) {
            int token = sampler.sample(session.lastLogits(), n);
            if (count == 0) {
                firstToken = System.nanoTime();
            }
            if (options.isStopToken(token) || (text != null && tokenizer.isEndOfGeneration(token))) {
                reason = StopReason.STOP_TOKEN;
                break;
            }
            out[count++] = token;
            control.generated(count);
            if (text != null) {
                deliver(text.accept(token));
                if (text.stopped()) {
                    reason = StopReason.STOP_STRING;
                    break;
                }
            }
            if (count == out.length) {
                reason = StopReason.MAX_TOKENS;
            } else if (session.remaining() == 0 && !shiftContext()) {
                reason = StopReason.CONTEXT_FULL;
            } else if ((reason = control.interruption()) == null) {
                session.feedOne(token);
                steps++;
            }
        }
        if (text != null) {
            deliver(text.finish());
        }
        long end = System.nanoTime();
        return new GenerationResult(Arrays.copyOf(out, count), reason, prompt.length,
                Duration.ofNanos(firstToken - start), Duration.ofNanos(prefillEnd - start),
                Duration.ofNanos(count == 0 ? 0 : end - firstToken), steps, text == null ? "" : text.text());
    }

    private void deliver(String delta) {
        if (!delta.isEmpty() && onText != null) {
            onText.accept(delta);
        }
    }

    /**
     * When the options opt in, makes room in a full context: keeps the first {@code contextShiftKeep}
     * tokens, drops half of the rest (the oldest). Returns false when generation must stop instead.
     */
    private boolean shiftContext() {
        int keep = options.contextShiftKeep();
        int position = session.position();
        if (keep < 0 || keep >= position - 1) {
            return false;
        }
        session.shift(keep, (position - keep) / 2);
        return true;
    }
}
