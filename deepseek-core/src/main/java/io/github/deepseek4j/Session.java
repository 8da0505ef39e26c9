package io.github.deepseek4j;

import io.github.deepseek4j.arch.ForwardState;
import io.github.deepseek4j.arch.Transformer;


import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One conversation with a {@link Model}: its own KV cache (off-heap, {@link #contextLength()} positions)
 * and the position reached. Feeding tokens runs them as one batch (split at the model's batch limit);
 * feeding one token at a time decodes incrementally with the cache. On top of that it generates tokens or
 * text ({@link #generate(String, GenerationOptions, Consumer)}) and answers conversations
 * ({@link #chat(List, GenerationOptions, Consumer)}), reusing the cached tokens a new turn shares with the last.
 *
 * <p>A session is used by one thread at a time; different sessions may run concurrently. Feeding more
 * tokens than fit throws {@link ContextOverflowException} and leaves the session unchanged.
 * {@link #close()} frees the cache (idempotent).
 */
public final class Session implements AutoCloseable {

    private final Model model;
    private final Transformer transformer;
    private final ForwardState state;
    private final float[] lastLogits; // reused: decoding allocates no logits buffer
    private final int[] single = new int[1];
    private int[] history = new int[64]; // the tokens in the cache, for reuse by the next chat turn
    private int position;
    private boolean closed;

    Session(Model model, ForwardState state) {
        this.model = model;
        this.transformer = model.transformer();
        this.state = state;
        this.lastLogits = new float[transformer.info().vocabularySize()];
    }

    /** Feeds {@code tokens} and returns the logits after the last one ({@link Model#vocabularySize()} values). */
    public float[] forward(int... tokens) {
        feed(tokens, false, null);
        return lastLogits.clone();
    }

    /** Feeds {@code tokens} and returns the logits after each of them: row {@code i} predicts the token after {@code tokens[i]}. */
    public float[][] forwardAll(int... tokens) {
        float[][] rows = new float[tokens.length][];
        feed(tokens, true, rows);
        return rows;
    }

    /**
     * Feeds {@code promptTokens} (after whatever the session already holds) and generates up to
     * {@link GenerationOptions#maxTokens()} tokens, stopping early at one of the options' stop tokens, when
     * the context is full, or when cancelled or out of time. Token level: no text, no stop strings, and the
     * vocabulary's end-of-generation tokens only stop it when listed in {@link GenerationOptions#stopTokens()}.
     */
    public GenerationResult generate(int[] promptTokens, GenerationOptions options) {
        return new GenerationLoop(this, options, null, null, null).run(promptTokens);
    }

    /**
     * Generates text from prompt tokens (after whatever the session holds), passing each new piece of text
     * (whole characters, never part of a stop string) to {@code onText} as it is generated. Stops at the
     * vocabulary's end-of-generation tokens (EOS, EOT), the options' stop tokens and stop strings, the
     * token limit, a full context, cancellation or the deadline.
     */
    public GenerationResult generate(int[] promptTokens, GenerationOptions options, Consumer<String> onText) {
        return generateText(promptTokens, options, onText, null);
    }

    /**
     * Generates a continuation of {@code prompt}: encoded with the model's tokenizer (BOS added when the
     * vocabulary asks for it and the session is empty; control tokens written in the text stay text).
     */
    public GenerationResult generate(String prompt, GenerationOptions options) {
        return generate(prompt, options, null);
    }

    /** As {@link #generate(String, GenerationOptions)}, streaming the text to {@code onText}. */
    public GenerationResult generate(String prompt, GenerationOptions options, Consumer<String> onText) {
        return generate(model.tokenizer().encode(prompt, position == 0, false), options, onText);
    }

    /**
     * Answers a conversation: renders it with the model's {@linkplain Model#chatTemplate() chat template}
     * and generates the assistant's turn, split into reasoning and content. The tokens this session already
     * holds are reused as far as they agree with the new prompt, so calling it again with the grown history
     * only computes what is new.
     *
     * @param onDelta receives reasoning and content deltas as they are generated (null: none)
     */
    public ChatResult chat(List<ChatMessage> messages, GenerationOptions options, Consumer<ChatDelta> onDelta) {
        return chat(ChatRequest.of(messages, options), onDelta, null);
    }

    /** As {@link #chat(List, GenerationOptions, Consumer)} without streaming. */
    public ChatResult chat(List<ChatMessage> messages, GenerationOptions options) {
        return chat(ChatRequest.of(messages, options), null, null);
    }

    /**
     * Answers a chat request: as {@link #chat(List, GenerationOptions, Consumer)}, with the request's tools shown
     * to the model through its chat template and its output read for tool calls ({@link ChatResult#toolCalls()}).
     * The deltas stream the content as generated, tool-call markup included.
     *
     * @throws ToolCallException the model started a tool call it did not finish well (the answer is in the exception)
     */
    public ChatResult chat(ChatRequest request, Consumer<ChatDelta> onDelta) {
        return chat(request, onDelta, null);
    }

    /** As {@link #chat(ChatRequest, Consumer)} without streaming. */
    public ChatResult chat(ChatRequest request) {
        return chat(request, null, null);
    }

    ChatResult chat(ChatRequest request, Consumer<ChatDelta> onDelta, CancellationToken extraCancellation) {
        ChatPrompt prompt = ChatPrompt.render(model, request);
        int reused = reusablePrefix(prompt.tokens());
        position = reused;
        ChatTurn turn = new ChatTurn(prompt.opensReasoning(), onDelta);
        int[] rest = Arrays.copyOfRange(prompt.tokens(), reused, prompt.tokens().length);
        GenerationResult result = generateText(rest, request.options(), turn::accept, extraCancellation);
        return turn.finish(result, prompt.toolCallFormat());
    }

    GenerationResult generateText(int[] promptTokens, GenerationOptions options, Consumer<String> onText,
                                  CancellationToken extraCancellation) {
        return new GenerationLoop(this, options, model.tokenizer(), onText, extraCancellation).run(promptTokens);
    }

    /** How many leading tokens of {@code prompt} the cache already holds; at least one prompt token is left to feed. */
    private int reusablePrefix(int[] prompt) {
        int limit = Math.min(position, prompt.length - 1);
        int same = 0;
        while (same < limit && history[same] == prompt[same]) {
            same++;
        }
        return same;
    }

    /**
     * Feeds the prompt batch by batch, telling {@code progress} after each; stops early (returning why)
     * when {@code interruption} says so between batches. Null when the whole prompt was fed.
     */
    StopReason prefill(int[] tokens, GenerationOptions.PrefillProgress progress, Supplier<StopReason> interruption) {
        check(tokens);
        int batch = state.maxBatch();
        for (int from = 0; from < tokens.length; from += batch) {
            StopReason stop = interruption.get();
            if (stop != null) {
                return stop;
            }
            int to = Math.min(tokens.length, from + batch);
            feed(Arrays.copyOfRange(tokens, from, to), false, null);
            progress.update(to, tokens.length);
        }
        return null;
    }

    /** Feeds one generated token. */
    void feedOne(int token) {
        single[0] = token;
        feed(single, false, null);
    }

    /** The logits after the last token fed (the session's own buffer: a sampler may overwrite it). */
    float[] lastLogits() {
        return lastLogits;
    }

    int vocabularySize() {
        return transformer.info().vocabularySize();
    }

    private void feed(int[] tokens, boolean allRows, float[][] rows) {
        check(tokens);
        int vocabulary = transformer.info().vocabularySize();
        int maxBatch = state.maxBatch();
        float[] batchLogits = allRows ? new float[Math.min(maxBatch, tokens.length) * vocabulary] : null;
        for (int from = 0; from < tokens.length; from += maxBatch) {
            int count = Math.min(maxBatch, tokens.length - from);
            boolean last = from + count == tokens.length;
            float[] target = allRows ? batchLogits : last ? lastLogits : null;
            transformer.forward(state, tokens, from, count, position, allRows, target, model.observer(), model.pool());
            remember(tokens, from, count);
            position += count;
            if (allRows) {
                for (int t = 0; t < count; t++) {
                    rows[from + t] = Arrays.copyOfRange(batchLogits, t * vocabulary, (t + 1) * vocabulary);
                }
                if (last) {
                    System.arraycopy(rows[tokens.length - 1], 0, lastLogits, 0, vocabulary);
                }
            }
        }
    }

    private void remember(int[] tokens, int from, int count) {
        if (position + count > history.length) {
            history = Arrays.copyOf(history, Math.min(contextLength(), Math.max(2 * history.length, position + count)));
        }
        System.arraycopy(tokens, from, history, position, count);
    }

    /** Rejects what cannot be fed, before anything is: the session stays as it was. */
    private void check(int[] tokens) {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
        model.checkOpen();
        if (tokens.length == 0) {
            throw new IllegalArgumentException("no tokens to feed");
        }
        if (tokens.length > contextLength() - position) {
            throw new ContextOverflowException(position, tokens.length, contextLength());
        }
        int vocabulary = transformer.info().vocabularySize();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabulary) {
                throw new IllegalArgumentException("token " + tokens[i] + " at index " + i
                        + " is outside the vocabulary of " + vocabulary);
            }
        }
    }

    /** Tokens fed so far (the next token's position). */
    public int position() {
        return position;
    }

    public int contextLength() {
        return state.contextLength();
    }

    /** Positions still free. */
    public int remaining() {
        return contextLength() - position;
    }

    /** Bytes of KV cache memory this session holds. */
    public long cacheBytes() {
        return state.cacheBytes();
    }

    /**
     * Forgets the cached tokens at positions {@code [keep, keep + count)}: later ones move down by {@code count}
     * (their cached keys re-rotated for their new positions), freeing {@code count} positions. The model then
     * sees the remaining tokens as if the dropped ones had never been there, except that what later tokens
     * computed from them stays in their cached values (as with llama.cpp's context shift).
     *
     * @throws IllegalArgumentException when the range is not within the tokens fed
     */
    public void discard(int keep, int count) {
        if (keep < 0 || count < 1 || keep + count > position) {
            throw new IllegalArgumentException("cannot discard " + count + " tokens after the first " + keep + " of "
                    + position);
        }
        model.checkOpen();
        transformer.discard(state, keep, count, position);
        System.arraycopy(history, keep + count, history, keep, position - keep - count);
        position -= count;
    }

    /** Forgets every token: the next one is fed at position 0. */
    public void reset() {
        position = 0;
    }

    /** Frees the KV cache. Idempotent. */
    @Override
    public void close() {
        closed = true;
        state.close();
    }
}
