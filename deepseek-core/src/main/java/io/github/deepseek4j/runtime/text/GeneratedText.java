package io.github.deepseek4j.runtime.text;

import io.github.deepseek4j.tokenizer.StreamingDecoder;
import io.github.deepseek4j.tokenizer.Tokenizer;

import java.util.List;

/**
 * The text of generated tokens as it grows: decoded a token at a time into whole UTF-8 characters
 * ({@link StreamingDecoder}) and cut at the first stop string. Each delta is safe to show. Not thread-safe.
 */
public final class GeneratedText {

    private final StreamingDecoder decoder;
    private final StopStringMatcher stops;
    private final StringBuilder text = new StringBuilder();

    /**
     * @param context tokens before the generated ones (the prompt): decoded and discarded, so the first
     *                generated token keeps its leading space where a SentencePiece decoder would strip it
     */
    public GeneratedText(Tokenizer tokenizer, boolean renderSpecial, List<String> stopStrings, int[] context) {
        this.decoder = tokenizer.streamingDecoder(renderSpecial);
        this.stops = new StopStringMatcher(stopStrings);
        for (int token : context) {
            decoder.accept(token);
        }
        decoder.flush(); // a context ending inside a character: its bytes are not generated text
    }

    /** Adds a generated token; returns the new text (possibly empty). */
    public String accept(int token) {
        return emit(stops.accept(decoder.accept(token)));
    }

    /** Ends the generation; returns the text held back (none after a stop string). */
    public String finish() {
        if (stops.stopped()) {
            return "";
        }
        return emit(stops.accept(decoder.flush()) + stops.finish());
    }

    /** Whether a stop string ended the text. */
    public boolean stopped() {
        return stops.stopped();
    }

    /** All text emitted so far. */
    public String text() {
        return text.toString();
    }

    private String emit(String delta) {
        text.append(delta);
        return delta;
    }
}
