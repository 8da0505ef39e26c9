package io.github.deepseek4j.quant;

import java.util.Arrays;
import java.util.Objects;

/**
 * One activation vector made ready for a kernel's {@link RowKernel#dotRows}, once per input vector and
 * then shared by every row (and thread). This base form is the floats themselves; kernels that compute
 * in another form (the native ones quantize to int8) extend it. Valid while the floats are unchanged.
 */
public class PreparedActivations {

    private final float[] floats;
    private final int offset;
    private final int length;

    /** {@code x[offset..offset+length)}, not copied. */
    public PreparedActivations(float[] x, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, x.length);
        this.floats = x;
        this.offset = offset;
        this.length = length;
    }

    /** The array holding the original activations, at {@link #offset()}. */
    public final float[] floats() {
        return floats;
    }

    public final int offset() {
        return offset;
    }

    /** Number of activations. */
    public final int length() {
        return length;
    }

    /** A copy of the values the kernel multiplies with: here the floats themselves. */
    public float[] effectiveValues() {
        return Arrays.copyOfRange(floats, offset, offset + length);
    }
}
