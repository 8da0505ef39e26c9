package io.github.deepseek4j;

import io.github.deepseek4j.arch.Batch;
import io.github.deepseek4j.arch.ForwardState;
import io.github.deepseek4j.arch.LogitsTarget;
import io.github.deepseek4j.arch.Transformer;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One conversation with a {@link Model}: its own KV cache (off-heap, {@link #contextLength()} positions)
 * and the position reached. Feeding tokens runs them as one batch (split at the model's batch limit);
 * feeding one token at a time decodes incrementally with the cache. On top of that it generates tokens or
 * text ({@link #generate(String, GenerationOptions, Consumer)}) and answers conversations
 * ({@link #chat(List, GenerationOptions, Consumer)}), reusing the cached tokens a new turn shares with the last.
 * Those methods run on the calling thread; {@link #start(String, GenerationOptions)} and
 * {@link #startChat(List, GenerationOptions)} run the same on a thread of their own and return the
 * {@link Generation} handle that cancels it, limits its time and reports its progress.
 *
 * <p>A session is used by one thread at a time; different sessions may run concurrently. While a generation
 * started on it runs, the session is busy: its other methods throw {@link IllegalStateException}. Feeding
 * more tokens than fit throws {@link ContextOverflowException} and leaves the session unchanged.
 * {@link #close()} cancels a running generation, waits for it, and frees the cache (idempotent).
 */
public final class Session implements AutoCloseable {

    private final Model model;
    private final Transformer transformer;
    private final ForwardState state;
    private final float[] lastLogits; // reused: decoding allocates no logits buffer
    private final LogitsTarget lastRow;
    private final int[] single = new int[1];
    private final Batch singleBatch = Batch.of(single);
    private final boolean closesAfterGeneration; // a short-lived session of one of the model's start methods
    private int[] history = new int[64]; // the tokens in the cache, for reuse by the next chat turn
    private volatile boolean closed;
    private volatile Generation<?, ?> running; // started on this session and not yet ended

    /** @param closesAfterGeneration close the session when the first generation started on it ends */
    Session(Model model, ForwardState state, boolean closesAfterGeneration) {
        this.model = model;
        this.transformer = model.transformer();
        this.state = state;
        this.closesAfterGeneration = closesAfterGeneration;
        this.lastLogits = new float[transformer.info().vocabularySize()];
        this.lastRow = LogitsTarget.last(lastLogits);
    }

    /** Feeds {@code tokens} and returns the logits after the last one ({@link Model#vocabularySize()} values). */
    public float[] forward(int... tokens) {
        checkIdle();
        feed(tokens, false, null);
        return lastLogits.clone();
    }

    /** Feeds {@code tokens} and returns the logits after each of them: row {@code i} predicts the token after {@code tokens[i]}. */
    public float[][] forwardAll(int... tokens) {
        checkIdle();
        float[][] rows = new float[tokens.length][];
        feed(tokens, true, rows);
        return rows;
    }

    /**
     * Feeds {@code promptTokens} (after whatever the session already holds) and generates up to
     * {@link GenerationOptions#maxTokens()} tokens, stopping early at one of the options' stop tokens or
     * when the context is full. Token level: no text, no stop strings, and the vocabulary's end-of-generation
     * tokens only stop it when listed in {@link GenerationOptions#stopTokens()}.
     */
    public GenerationResult generate(int[] promptTokens, GenerationOptions options) {
        checkIdle();
        return new GenerationLoop(this, options, null, null, new GenerationControl()).run(promptTokens);
    }

    /**
     * Generates text from prompt tokens (after whatever the session holds), passing each new piece of text
     * (whole characters, never part of a stop string) to {@code onText} as it is generated. Stops at the
     * vocabulary's end-of-generation tokens (EOS, EOT), the options' stop tokens and stop strings, the
     * token limit or a full context.
     */
    public GenerationResult generate(int[] promptTokens, GenerationOptions options, Consumer<String> onText) {
        checkIdle();
        return generateText(promptTokens, options, onText, new GenerationControl());
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
        return generate(encode(prompt), options, onText);
    }

    /** As {@link #generate(String, GenerationOptions, Consumer)} on a thread of its own: read, control and await the handle. */
    public TextStream start(String prompt, GenerationOptions options) {
        return start(encode(prompt), options);
    }

    /**
     * As {@link #generate(int[], GenerationOptions, Consumer)} on a thread of its own: read, control and await
     * the handle.
     *
     * @throws ContextOverflowException when the prompt does not fit (before anything starts)
     */
    public TextStream start(int[] promptTokens, GenerationOptions options) {
        checkIdle();
        int[] prompt = promptTokens.clone();
        GenerationControl control = controlFor(prompt);
        return launch(new TextStream(control), onText -> generateText(prompt, options, onText, control));
    }

    private int[] encode(String prompt) {
        return model.tokenizer().encode(prompt, position() == 0, false);
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
        return chat(ChatRequest.of(messages, options), onDelta);
    }

    /** As {@link #chat(List, GenerationOptions, Consumer)} without streaming. */
    public ChatResult chat(List<ChatMessage> messages, GenerationOptions options) {
        return chat(messages, options, null);
    }

    /**
     * Answers a chat request: as {@link #chat(List, GenerationOptions, Consumer)}, with the request's tools shown
     * to the model through its chat template and its output read for tool calls ({@link ChatResult#toolCalls()}).
     * The deltas stream the content as generated, tool-call markup included.
     *
     * @throws ToolCallException the model started a tool call it did not finish well (the answer is in the exception)
     */
    public ChatResult chat(ChatRequest request, Consumer<ChatDelta> onDelta) {
        checkIdle();
        ChatPrompt prompt = ChatPrompt.render(model, request);
        return answer(prompt, rewind(prompt), request.options(), onDelta, new GenerationControl());
    }

    /** As {@link #chat(ChatRequest, Consumer)} without streaming. */
    public ChatResult chat(ChatRequest request) {
        return chat(request, null);
    }

    /**
     * As {@link #chat(List, GenerationOptions, Consumer)} on a thread of its own: read, control and await the
     * handle.
     *
     * @throws ChatTemplateException    when the template refuses the conversation (before anything starts)
     * @throws ContextOverflowException when the conversation does not fit (likewise)
     */
    public ChatStream startChat(List<ChatMessage> messages, GenerationOptions options) {
        return startChat(ChatRequest.of(messages, options));
    }

    /** As {@link #chat(ChatRequest, Consumer)} on a thread of its own: read, control and await the handle. */
    public ChatStream startChat(ChatRequest request) {
        checkIdle();
        ChatPrompt prompt = ChatPrompt.render(model, request);
        int[] rest = rewind(prompt);
        GenerationControl control = controlFor(rest);
        return launch(new ChatStream(control), onDelta -> answer(prompt, rest, request.options(), onDelta, control));
    }

    /** Goes back to the longest prefix of the prompt that the cache holds; returns the tokens still to feed. */
    private int[] rewind(ChatPrompt prompt) {
        int reused = reusablePrefix(prompt.tokens());
        state.rewind(reused);
        return Arrays.copyOfRange(prompt.tokens(), reused, prompt.tokens().length);
    }

    private ChatResult answer(ChatPrompt prompt, int[] rest, GenerationOptions options, Consumer<ChatDelta> onDelta,
                              GenerationControl control) {
        ChatTurn turn = new ChatTurn(prompt.opensReasoning(), onDelta);
        return turn.finish(generateText(rest, options, turn::accept, control), prompt.toolCallFormat());
    }

    GenerationResult generateText(int[] promptTokens, GenerationOptions options, Consumer<String> onText,
                                  GenerationControl control) {
        return new GenerationLoop(this, options, model.tokenizer(), onText, control).run(promptTokens);
    }

    /** The control of a generation from {@code prompt}, which is checked first (it must fit the context). */
    private GenerationControl controlFor(int[] prompt) {
        check(prompt);
        GenerationControl control = new GenerationControl();
        control.prefilled(0, prompt.length); // progress knows the size before the generation's thread runs
        return control;
    }

    /** Runs {@code work} on the generation's thread; the session is busy until it ends. */
    private <D, R, G extends Generation<D, R>> G launch(G generation, Function<Consumer<D>, R> work) {
        running = generation;
        generation.launch(work, this::generationEnded);
        return generation;
    }

    private void generationEnded() {
        running = null;
        if (closesAfterGeneration) {
            close();
        }
    }

    private void checkIdle() {
        if (running != null) {
            throw new IllegalStateException("a generation started on this session is still running; "
                    + "wait for its result() or close() it first");
        }
    }

    /** How many leading tokens of {@code prompt} the cache already holds; at least one prompt token is left to feed. */
    private int reusablePrefix(int[] prompt) {
        int limit = Math.min(position(), prompt.length - 1);
        int same = 0;
        while (same < limit && history[same] == prompt[same]) {
            same++;
        }
        return same;
    }

    /**
     * Feeds the prompt batch by batch, telling {@code control} after each; stops early (returning why) when
     * it is cancelled or out of time between batches. Null when the whole prompt was fed.
     */
    StopReason prefill(int[] tokens, GenerationControl control) {
        check(tokens);
        control.prefilled(0, tokens.length);
        int batch = state.maxBatch();
        for (int from = 0; from < tokens.length; from += batch) {
            StopReason stop = control.interruption();
            if (stop != null) {
                return stop;
            }
            int to = Math.min(tokens.length, from + batch);
            feed(Arrays.copyOfRange(tokens, from, to), false, null);
            control.prefilled(to, tokens.length);
        }
        return null;
    }

    /** Feeds one generated token. */
    void feedOne(int token) {
        single[0] = token;
        check(single);
        run(singleBatch, lastRow);
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
        LogitsTarget allTarget = allRows ? LogitsTarget.all(batchLogits) : null;
        for (int from = 0; from < tokens.length; from += maxBatch) {
            int count = Math.min(maxBatch, tokens.length - from);
            boolean last = from + count == tokens.length;
            run(new Batch(tokens, from, count), allRows ? allTarget : last ? lastRow : LogitsTarget.none());
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

    /** Runs one batch, remembering its tokens for the next chat turn. */
    private void run(Batch batch, LogitsTarget logits) {
        int position = state.position();
        transformer.forward(state, batch, logits);
        int end = position + batch.count();
        if (end > history.length) {
            history = Arrays.copyOf(history, Math.min(contextLength(), Math.max(2 * history.length, end)));
        }
        System.arraycopy(batch.tokens(), batch.offset(), history, position, batch.count());
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
        if (tokens.length > remaining()) {
            throw new ContextOverflowException(position(), tokens.length, contextLength());
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
        return state.position();
    }

    public int contextLength() {
        return state.contextLength();
    }

    /** Positions still free. */
    public int remaining() {
        return contextLength() - position();
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
        checkIdle();
        shift(keep, count);
    }

    /** {@link #discard}, also from the thread of a generation started on this session (context shifting). */
    void shift(int keep, int count) {
        model.checkOpen();
        state.discard(keep, count);
        System.arraycopy(history, keep + count, history, keep, position() - keep);
    }

    /** Forgets every token: the next one is fed at position 0. */
    public void reset() {
        checkIdle();
        state.reset();
    }

    /** Cancels a generation started on this session and waits for its end, then frees the KV cache. Idempotent. */
    @Override
    public void close() {
        Generation<?, ?> generation = running;
        if (generation != null) {
            generation.close();
        }
        closed = true;
        state.close();
    }
}
