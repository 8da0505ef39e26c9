package io.github.deepseek4j;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A generation running on a thread of its own: the handle that {@code start(...)} returns. It is read as an
 * {@link Iterator} (or {@link #stream()}) of deltas as they are generated, controlled with {@link #cancel()}
 * and {@link #timeout(Duration)}, watched with {@link #progress()}, and ends with {@link #result()}.
 * {@link TextStream} generates text ({@link Model#start(String, GenerationOptions)}), {@link ChatStream} an
 * assistant's turn ({@link Model#startChat(java.util.List, GenerationOptions)}).
 *
 * <pre>{@code
 * try (TextStream text = model.start("Once upon a time", options)) {
 *     text.timeout(Duration.ofMinutes(1));                 // ends with StopReason.DEADLINE
 *     text.forEachRemaining(System.out::print);            // cancel() from any thread ends it early
 *     System.out.println(text.result().stopReason());
 * }
 * }</pre>
 *
 * <p>Where the prompt cannot be generated from (it does not fit the context, the chat template refuses the
 * conversation), {@code start} throws at once; a failure while generating is rethrown by {@link #hasNext()}
 * and {@link #result()}. {@link #close()} cancels the generation and waits for its end. The iterator is for
 * one reading thread; the other methods may be called from any thread.
 *
 * @param <D> the deltas: text, or {@link ChatDelta}s
 * @param <R> the result: {@link GenerationResult}, or {@link ChatResult}
 */
public abstract sealed class Generation<D, R> implements Iterator<D>, AutoCloseable permits TextStream, ChatStream {

    private static final Object END = new Object();

    private final GenerationControl control;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private R value;           // written before ended counts down, read after
    private Throwable failure; // likewise
    private Object next;

    Generation(GenerationControl control) {
        this.control = control;
    }

    /**
     * How far a generation has come.
     *
     * @param prefilled    prompt tokens computed so far
     * @param promptTokens prompt tokens to compute (not counting those a session reuses from its cache)
     * @param generated    tokens generated so far
     */
    public record Progress(int prefilled, int promptTokens, int generated) {

        /** Whether the whole prompt has been computed. */
        public boolean prefillDone() {
            return prefilled >= promptTokens;
        }
    }

    /**
     * Runs {@code work} (given the sink for deltas) on a new thread, then {@code after} (e.g. closing a
     * short-lived session) whatever the outcome; the generation has ended when both have.
     */
    final void launch(Function<Consumer<D>, R> work, Runnable after) {
        Thread.ofPlatform().daemon().name("deepseek4j-generation").start(() -> {
            try {
                value = work.apply(queue::add);
            } catch (Throwable e) {
                failure = e;
            }
            try {
                after.run();
            } catch (Throwable e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            ended.countDown();
            queue.add(END);
        });
    }

    /** Blocks until the next delta or the end; rethrows a failure of the generation. */
    @Override
    public boolean hasNext() {
        if (next == null) {
            next = cancellingOnInterrupt(queue::take);
        }
        if (next == END) {
            result(); // rethrows a failure
            return false;
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked") // only deltas of type D and END enter the queue
    public D next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the generation has ended");
        }
        D delta = (D) next;
        next = null;
        return delta;
    }

    /** The deltas as a sequential stream; closing it cancels the generation. */
    public Stream<D> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /** Asks the generation to stop after the current token (its stop reason is then {@link StopReason#CANCELLED}). */
    public void cancel() {
        control.cancel();
    }

    /**
     * Ends the generation with {@link StopReason#DEADLINE} once {@code limit} has passed since it started,
     * prefill included (default: no limit). Calling it again replaces the limit.
     *
     * @throws IllegalArgumentException when {@code limit} is not positive
     */
    public void timeout(Duration limit) {
        control.timeout(limit);
    }

    /** How far the generation has come: prompt tokens computed, tokens generated. */
    public Progress progress() {
        return control.progress();
    }

    /** Whether the generation has ended (with a result or a failure). */
    public boolean isDone() {
        return ended.getCount() == 0;
    }

    /**
     * Waits for the end of the generation and returns its result; rethrows its failure. Interrupting the
     * waiting thread cancels the generation (the thread's interrupt status stays set).
     */
    public R result() {
        awaitEnd();
        return switch (failure) {
            case null -> value;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(failure);
        };
    }

    /** Cancels the generation if still running and waits for it to end (its failure, if any, is not thrown). */
    @Override
    public void close() {
        cancel();
        awaitEnd();
    }

    private void awaitEnd() {
        cancellingOnInterrupt(() -> {
            ended.await();
            return null;
        });
    }

    private interface Wait<T> {
        T get() throws InterruptedException;
    }

    /** Waits; an interrupt cancels the generation (which then ends soon) and is kept for the caller to see. */
    private <T> T cancellingOnInterrupt(Wait<T> wait) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return wait.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
