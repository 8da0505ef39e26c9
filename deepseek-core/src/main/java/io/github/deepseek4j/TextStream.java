package io.github.deepseek4j;

/**
 * Text being generated on a thread of its own ({@link Model#start(String, GenerationOptions)},
 * {@link Session#start(String, GenerationOptions)}): the deltas are whole characters, never part of a stop
 * string; the result is the {@link GenerationResult}. See {@link Generation} for control and reading.
 *
 * <pre>{@code
 * try (TextStream text = model.start("Once upon a time", options)) {
 *     text.forEachRemaining(System.out::print);
 * }
 * }</pre>
 */
public final class TextStream extends Generation<String, GenerationResult> {

    TextStream(GenerationControl control) {
        super(control);
    }
}
