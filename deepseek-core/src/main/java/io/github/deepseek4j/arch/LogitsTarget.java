package io.github.deepseek4j.arch;

import java.util.Objects;

/**
 * Which logits a forward pass writes, and where: those of the batch's last token, of every token (row-major, one
 * row of {@code vocabularySize} values per token), or none, which skips the output head (a prompt batch that is
 * not the last one). A target holds no state of its own, so one instance may serve every call of a session.
 */
public final class LogitsTarget {

    private static final LogitsTarget NONE = new LogitsTarget(null, false);

    private final float[] values;
    private final boolean allRows;

    private LogitsTarget(float[] values, boolean allRows) {
        this.values = values;
        this.allRows = allRows;
    }

    /** No logits: the pass only fills the cache. */
    public static LogitsTarget none() {
        return NONE;
    }

    /** The last token's logits into {@code values[0 .. vocabularySize)}. */
    public static LogitsTarget last(float[] values) {
        return new LogitsTarget(Objects.requireNonNull(values, "values"), false);
    }

    /** Every token's logits into {@code values[0 .. count * vocabularySize)}, row {@code t} for token {@code t}. */
    public static LogitsTarget all(float[] values) {
        return new LogitsTarget(Objects.requireNonNull(values, "values"), true);
    }

    /** Whether the output head runs at all. */
    public boolean wanted() {
        return values != null;
    }

    /** Whether every token's row is wanted rather than the last one's. */
    public boolean allRows() {
        return allRows;
    }

    /** The rows written for a batch of {@code tokens}: all of them, one, or none. */
    public int rows(int tokens) {
        return !wanted() ? 0 : allRows ? tokens : 1;
    }

    /** Where the logits go; null for {@link #none()}. */
    public float[] values() {
        return values;
    }
}
