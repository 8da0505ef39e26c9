package io.github.deepseek4j.arch;

import java.util.Objects;

/**
 * Tokens {@code tokens[offset .. offset + count)}, fed to a {@link Transformer} as one batch. The array is not
 * copied: the caller keeps it unchanged until the forward pass returns.
 */
public record Batch(int[] tokens, int offset, int count) {

    /**
     * @throws IndexOutOfBoundsException when the range is not within {@code tokens}
     * @throws IllegalArgumentException  when the range is empty
     */
    public Batch {
        Objects.checkFromIndexSize(offset, count, tokens.length);
        if (count < 1) {
            throw new IllegalArgumentException("a batch holds at least one token, got " + count);
        }
    }

    /** All of {@code tokens}. */
    public static Batch of(int... tokens) {
        return new Batch(tokens, 0, tokens.length);
    }

    /** Token {@code i} of the batch ({@code 0 <= i < count}). */
    public int token(int i) {
        return tokens[offset + i];
    }
}
