package io.github.deepseek4j;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Text being generated on a background thread, read as an {@link Iterator} of deltas (whole characters,
 * never part of a stop string) or as a {@link Stream}. {@link #close()} (or closing the stream) cancels
 * the generation; {@link #result()} waits for its end.
 *
 * <pre>{@code
 * try (TextStream text = model.stream("Once upon a time", options)) {
 *     text.forEachRemaining(System.out::print);
 * }
 * }</pre>
 *
 * <p>The iterator is for one reading thread; {@link #cancel()} may be called from any thread.
 */
public final class TextStream implements Iterator<String>, AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CancellationToken cancellation = new CancellationToken();
    private final CompletableFuture<GenerationResult> result = new CompletableFuture<>();
    private Object next;

    private TextStream() {
    }

    /** Starts {@code generation} (given the text sink and this stream's cancellation) on a new thread. */
    static TextStream start(BiFunction<Consumer<String>, CancellationToken, GenerationResult> generation) {
        TextStream stream = new TextStream();
        Thread.ofPlatform().daemon().name("deepseek4j-generation").start(() -> {
            try {
                stream.result.complete(generation.apply(stream.queue::add, stream.cancellation));
            } catch (Throwable e) {
                stream.result.completeExceptionally(e);
            } finally {
                stream.queue.add(END);
            }
        });
        return stream;
    }

    /** Blocks until the next delta or the end; rethrows a failure of the generation. */
    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new IllegalStateException("interrupted while waiting for generated text", e);
            }
        }
        if (next == END) {
            result(); // rethrows a failure
            return false;
        }
        return true;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the generation has ended");
        }
        String delta = (String) next;
        next = null;
        return delta;
    }

    /** The deltas as a sequential stream; closing it cancels the generation. */
    public Stream<String> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /** Asks the generation to stop after the current token (its stop reason is then {@link StopReason#CANCELLED}). */
    public void cancel() {
        cancellation.cancel();
    }

    /** Waits for the end of the generation and returns its result; rethrows its failure. */
    public GenerationResult result() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the generation", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Cancels the generation if still running and waits for it to end. */
    @Override
    public void close() {
        cancel();
        result.exceptionally(e -> null).join();
    }
}
